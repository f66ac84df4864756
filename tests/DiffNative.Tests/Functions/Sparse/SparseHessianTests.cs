using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions.Sparse;

/// <summary>The sparse Hessian evaluates the dense engine's points for the pattern's pairs and
/// combines them with the dense formulas: every pattern entry is asserted equal to the dense
/// Hessian's bit for bit.</summary>
public class SparseHessianTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Random_patterns_give_the_dense_Hessians_bits_on_every_entry(Backend backend)
    {
        var options = new DifferentiationOptions { Backend = backend };
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 1 + seed % 15;
            var pattern = SparsePatterns.Random(n, n, 0.15, seed).Symmetrized();
            var f = SparsePatterns.CoupledScalar(pattern);
            var x = SparsePatterns.Point(n, seed);
            var dense = Differentiate.Hessian(f, x, options).Values;
            var sparse = Differentiate.SparseHessian(f, pattern, x, options);
            for (var i = 0; i < n; i++)
                foreach (var j in pattern.Row(i))
                    Bits.AssertIdentical(dense[i * n + j], sparse.Matrix[i, j], $"seed {seed} ({i}, {j})");
            var pairs = (pattern.NonZeros - n) / 2;
            Assert.Equal(1 + 2 * n + 4 * pairs, sparse.Evaluations);
        }
    }

    [Fact]
    public void Extended_Rosenbrock_of_100_is_accurate_within_the_evaluation_budget()
    {
        const int n = 100;
        ScalarFunction f = x =>
        {
            var sum = 0.0;
            for (var i = 0; i < n; i += 2) sum += 100 * (x[i + 1] - x[i] * x[i]) * (x[i + 1] - x[i] * x[i]) + (1 - x[i]) * (1 - x[i]);
            return sum;
        };
        var x = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? -1.2 : 1.0).ToArray();
        var pattern = SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n / 2).Select(k => (2 * k, 2 * k + 1)));
        var result = Differentiate.SparseHessian(f, pattern, x);
        var upper = (result.Matrix.Pattern.NonZeros + n) / 2;
        Assert.InRange(result.Evaluations, 1, 2 * (upper + n) + 1);
        var worst = 0.0;
        for (var i = 0; i < n; i += 2)
        {
            // Analytic: H00 = 1200x0² − 400x1 + 2, H01 = −400x0, H11 = 200.
            worst = Math.Max(worst, Math.Abs(result.Matrix[i, i] - (1200 * x[i] * x[i] - 400 * x[i + 1] + 2)));
            worst = Math.Max(worst, Math.Abs(result.Matrix[i, i + 1] + 400 * x[i]));
            worst = Math.Max(worst, Math.Abs(result.Matrix[i + 1, i] + 400 * x[i]));
            worst = Math.Max(worst, Math.Abs(result.Matrix[i + 1, i + 1] - 200));
        }
        Assert.True(worst / 1330 <= 1e-6, $"relative error {worst / 1330:E2}");
    }

    [Fact]
    public void The_span_overload_allocates_nothing_in_steady_state()
    {
        var pattern = SparsePatterns.Banded(40, 1);
        var f = SparsePatterns.CoupledScalar(pattern);
        var x = SparsePatterns.Point(40, 2);
        var values = new double[pattern.NonZeros];
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var options = new DifferentiationOptions { Backend = backend };
            var bytes = Allocations.SteadyState(() => Differentiate.SparseHessian(f, pattern, x, values, options));
            Assert.True(bytes == 0, $"{backend}: {bytes} bytes");
        }
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        ScalarFunction f = x => x[0] * x[1];
        double[] x = [1.0, 2.0];
        var lower = SparsityPattern.FromEntries(2, 2, [(1, 0)]);
        Assert.Equal("pattern", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, lower, x, new double[4])).ParamName);
        Assert.Equal("pattern", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, SparsityPattern.FromEntries(2, 3, [(0, 0)]), x)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, lower.Symmetrized(), x, new double[3])).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessian(f, lower, [1.0])).ParamName);
    }
}
