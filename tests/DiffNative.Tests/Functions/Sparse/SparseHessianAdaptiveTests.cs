using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions.Sparse;

/// <summary>Adaptive sparse Hessians from function values run the dense engine's 6 levels of
/// shrinking steps and its entry-wise Ridders tableau on the pattern's entries only: every entry
/// must have the adaptive dense Hessian's bits, the values must reach the closed forms far better
/// than fixed steps, and every error estimate must cover its true error.</summary>
public class SparseHessianAdaptiveTests
{
    private const int Levels = 6;

    private static int Evaluations(SparsityPattern pattern) => Levels * (1 + 2 * pattern.Rows + 2 * (pattern.NonZeros - pattern.Rows));

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Random_patterns_give_the_adaptive_dense_Hessians_bits_on_every_entry(Backend backend)
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var n = 1 + seed % 13;
            var pattern = SparsePatterns.Random(n, n, 0.15, seed).Symmetrized();
            var f = SparsePatterns.CoupledScalar(pattern);
            var x = SparsePatterns.Point(n, seed);
            // Bounds close enough on every third coordinate that its first steps shrink to the room.
            var lower = x.Select((v, i) => i % 3 == 1 ? v - 1e-3 : double.NegativeInfinity).ToArray();
            foreach (var options in new[]
            {
                new DifferentiationOptions { Backend = backend, Adaptive = true },
                new DifferentiationOptions { Backend = backend, Adaptive = true, LowerBounds = lower },
            })
            {
                var dense = Differentiate.Hessian(f, x, options).Values;
                var sparse = Differentiate.SparseHessian(f, pattern, x, options);
                for (var i = 0; i < n; i++)
                    foreach (var j in pattern.Row(i))
                        Bits.AssertIdentical(dense[i * n + j], sparse.Matrix[i, j], $"seed {seed} ({i}, {j})");
                Assert.Equal(Evaluations(pattern), sparse.Evaluations);
                Assert.NotNull(sparse.Errors);
            }
        }
    }

    [Fact]
    public void The_span_overload_with_errors_gives_the_allocating_overloads_values_and_errors()
    {
        var pattern = SparsePatterns.Arrow(7);
        var f = SparsePatterns.CoupledScalar(pattern);
        var x = SparsePatterns.Point(7, 3);
        var expected = Differentiate.SparseHessian(f, pattern, x, new DifferentiationOptions { Adaptive = true });
        double[] values = new double[pattern.NonZeros], errors = new double[pattern.NonZeros];
        BatchScalarFunction batch = (rows, dimension, results) =>
        {
            for (var r = 0; r < results.Length; r++) results[r] = f(rows.Slice(r * dimension, dimension));
        };
        var info = Differentiate.SparseHessian(batch, pattern, x, values, errors: errors);
        Assert.Equal(expected.Evaluations, info.Evaluations);
        for (var k = 0; k < pattern.NonZeros; k++)
        {
            Bits.AssertIdentical(expected.Matrix.Values[k], values[k], $"value {k}");
            Bits.AssertIdentical(expected.Errors!.Values[k], errors[k], $"error {k}");
        }
    }

    /// <summary>Extended Rosenbrock of 100: 2×2 blocks, a quartic, so fixed steps leave a
    /// truncation error that extrapolation removes.</summary>
    [Fact]
    public void Extended_Rosenbrock_of_100_reaches_1e_10_beats_fixed_steps_by_100_and_bounds_its_errors()
    {
        const int n = 100;
        var x = MghProblems.StandardStart(n);
        var pattern = SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n / 2).Select(k => (2 * k, 2 * k + 1)));
        AssertAccurateAndHonest(MghProblems.ExtendedRosenbrock, pattern, x, MghProblems.ExtendedRosenbrockHessian(x));
    }

    /// <summary>Σ sin(xₖ)·exp(xₖ₊₁/2), cyclic: no stencil is exact, and the Hessian is
    /// tridiagonal-cyclic in closed form.</summary>
    [Fact]
    public void Sine_exp_chain_reaches_1e_10_beats_fixed_steps_by_100_and_bounds_its_errors()
    {
        const int n = 9;
        var x = Enumerable.Range(0, n).Select(i => 0.7 * i - 2.3).ToArray();
        var pattern = SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n).Select(k => (k, (k + 1) % n)));
        AssertAccurateAndHonest(MultivariateAccuracyTests.SineExp, pattern, x, MultivariateAccuracyTests.SineExpHessian(x));
    }

    private static void AssertAccurateAndHonest(ScalarFunction f, SparsityPattern pattern, double[] x, double[] truth)
    {
        var n = x.Length;
        var fixedSteps = Differentiate.SparseHessian(f, pattern, x);
        var adaptive = Differentiate.SparseHessian(f, pattern, x, new DifferentiationOptions { Adaptive = true });
        Assert.Equal(DerivativeStatus.Ok, adaptive.Status);
        Assert.Equal(Evaluations(adaptive.Matrix.Pattern), adaptive.Evaluations);
        Assert.Equal(Levels * fixedSteps.Evaluations, adaptive.Evaluations);
        var fixedError = MghProblems.ScaledError(fixedSteps.Matrix.ToDense(), truth);
        var adaptiveError = MghProblems.ScaledError(adaptive.Matrix.ToDense(), truth);
        Assert.True(adaptiveError <= 1e-10 && adaptiveError * 100 <= fixedError, $"adaptive {adaptiveError:E2}, fixed {fixedError:E2}");
        var symmetric = adaptive.Matrix.Pattern;
        for (var i = 0; i < n; i++)
            foreach (var j in symmetric.Row(i))
            {
                var error = Math.Abs(adaptive.Matrix[i, j] - truth[i * n + j]);
                Assert.True(adaptive.Errors![i, j] >= error, $"({i}, {j}): estimate {adaptive.Errors[i, j]:E2}, error {error:E2}");
            }
        // Estimates that are honest but not absurdly loose.
        Assert.True(adaptive.Errors!.Values.Max() < 1e-6 * truth.Max(Math.Abs), $"largest estimate {adaptive.Errors.Values.Max():E2}");
    }

    [Fact]
    public void The_adaptive_span_overload_allocates_nothing_in_steady_state()
    {
        var pattern = SparsePatterns.Banded(40, 1);
        var f = SparsePatterns.CoupledScalar(pattern);
        var x = SparsePatterns.Point(40, 2);
        double[] values = new double[pattern.NonZeros], errors = new double[pattern.NonZeros];
        foreach (var options in new DifferentiationOptions?[] { null, new() { Backend = Backend.Managed, Adaptive = true }, new() { Backend = Backend.Native, Adaptive = true } })
        {
            var bytes = Allocations.SteadyState(() => Differentiate.SparseHessian(f, pattern, x, values, options, errors: errors));
            Assert.True(bytes == 0, $"{options?.Backend}: {bytes} bytes");
            var adaptive = options ?? new DifferentiationOptions { Adaptive = true };
            bytes = Allocations.SteadyState(() => Differentiate.SparseHessian(f, pattern, x, values, adaptive));
            Assert.True(bytes == 0, $"{options?.Backend} without errors: {bytes} bytes");
        }
    }

    [Fact]
    public void Bad_input_to_the_overload_with_errors_names_the_parameter()
    {
        ScalarFunction f = x => x[0] * x[1];
        double[] x = [1.0, 2.0];
        var pattern = SparsityPattern.FromEntries(2, 2, [(1, 0)]).Symmetrized();
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, pattern, x, new double[4], errors: new double[3])).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, pattern, x, new double[3], errors: new double[4])).ParamName);
        Assert.Equal("pattern", Assert.Throws<ArgumentNullException>(() => Differentiate.SparseHessian(f, null!, x, new double[4], errors: new double[4])).ParamName);
        Assert.Equal("f", Assert.Throws<ArgumentNullException>(() => Differentiate.SparseHessian((ScalarFunction)null!, pattern, x, new double[4], errors: new double[4])).ParamName);
        var shared = new double[8];
        Assert.Equal("errors", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, pattern, x, shared.AsSpan(0, 4), errors: shared.AsSpan(3, 4))).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() =>
            Differentiate.SparseHessian(f, pattern, shared.AsSpan(0, 2), shared.AsSpan(1, 4), new DifferentiationOptions { Adaptive = true })).ParamName);
        var onBound = new DifferentiationOptions { LowerBounds = new[] { 1.0, double.NegativeInfinity } };
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, pattern, x, new double[4], onBound, errors: new double[4])).ParamName);
    }
}
