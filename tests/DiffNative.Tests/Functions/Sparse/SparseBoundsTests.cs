using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions.Sparse;

/// <summary>With bounds the sparse engines split colours by the stencil the dense engine chooses
/// for each column (central, forward, backward, shortened steps), so the dense engines with the same
/// bounds are the reference, bit for bit; every evaluation must stay inside the bounds.</summary>
public class SparseBoundsTests
{
    /// <summary>Bounds that force every kind of stencil: none, a lower bound just below x (forward),
    /// an upper bound just above (backward), both close (a shortened step).</summary>
    private static (double[] Lower, double[] Upper) TightBounds(double[] x, int seed)
    {
        var random = new Random(seed);
        var lower = new double[x.Length];
        var upper = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var kind = random.Next(4);
            lower[i] = kind is 1 or 3 ? x[i] - 1e-7 : double.NegativeInfinity;
            upper[i] = kind is 2 or 3 ? x[i] + 2e-7 : double.PositiveInfinity;
        }
        return (lower, upper);
    }

    private static VectorFunction Guarded(VectorFunction f, double[] lower, double[] upper) => (x, y) =>
    {
        for (var i = 0; i < x.Length; i++)
            if (x[i] < lower[i] || x[i] > upper[i]) throw new InvalidOperationException($"x[{i}] = {x[i]:R} left [{lower[i]}, {upper[i]}]");
        f(x, y);
    };

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Bounded_sparse_Jacobians_give_the_bounded_dense_Jacobians_bits(Backend backend)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var pattern = SparsePatterns.Random(1 + seed % 13, 1 + seed * 5 % 29, 0.12, seed);
            var x = SparsePatterns.Point(pattern.Columns, seed);
            var (lower, upper) = TightBounds(x, seed);
            var f = Guarded(SparsePatterns.RowFunction(pattern), lower, upper);
            foreach (var scheme in new[] { DifferenceScheme.Central, DifferenceScheme.Forward })
            {
                var options = new DifferentiationOptions { Backend = backend, Scheme = scheme, Accuracy = scheme == DifferenceScheme.Central ? 4 : 2, LowerBounds = lower, UpperBounds = upper };
                var dense = Differentiate.Jacobian(f, pattern.Rows, x, options).Values;
                var sparse = Differentiate.SparseJacobian(f, pattern, x, options);
                for (var r = 0; r < pattern.Rows; r++)
                    foreach (var c in pattern.Row(r))
                        Bits.AssertIdentical(dense[r * pattern.Columns + c], sparse.Matrix[r, c], $"seed {seed} {scheme} ({r}, {c})");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Bounded_Hessians_from_a_gradient_give_the_bounded_dense_Jacobians_bits(Backend backend)
    {
        var options = new DifferentiationOptions { Backend = backend };
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 2 + seed % 17;
            var coloring = HessianColoring.Compute(SparsePatterns.Random(n, n, 0.12, seed));
            var x = SparsePatterns.Point(n, seed);
            var (lower, upper) = TightBounds(x, seed);
            var gradient = Guarded(SparseHessianFromGradientTests.Coupled(coloring.Pattern).Gradient, lower, upper);
            var bounded = options with { LowerBounds = lower, UpperBounds = upper };
            var dense = Differentiate.Jacobian(gradient, n, x, bounded).Values;
            var sparse = Differentiate.SparseHessianFromGradient(gradient, coloring, x, bounded);
            for (var i = 0; i < n; i++)
                foreach (var j in coloring.Pattern.Row(i))
                {
                    var bits = BitConverter.DoubleToInt64Bits(sparse.Matrix[i, j]);
                    Assert.True(bits == BitConverter.DoubleToInt64Bits(dense[i * n + j]) || bits == BitConverter.DoubleToInt64Bits(dense[j * n + i]),
                        $"seed {seed} ({i}, {j}): {sparse.Matrix[i, j]:R} is neither J[i,j] nor J[j,i]");
                    Bits.AssertIdentical(sparse.Matrix[i, j], sparse.Matrix[j, i], $"seed {seed} symmetry ({i}, {j})");
                }
        }
    }

    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Bounded_Hessians_from_values_give_the_bounded_dense_Hessians_bits_fixed_and_adaptive(Backend backend)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 1 + seed % 15;
            var pattern = SparsePatterns.Random(n, n, 0.15, seed).Symmetrized();
            var x = SparsePatterns.Point(n, seed);
            var (lower, upper) = TightBounds(x, seed);
            var pairs = Enumerable.Range(0, n).SelectMany(i => pattern.Row(i).ToArray().Where(j => j > i).Select(j => (i, j))).ToArray();
            ScalarFunction f = p =>
            {
                for (var i = 0; i < n; i++)
                    if (p[i] < lower[i] || p[i] > upper[i]) throw new InvalidOperationException($"x[{i}] left its bounds");
                var sum = 0.0;
                foreach (var (i, j) in pairs) sum += Math.Sin(p[i]) * Math.Cos(p[j]);
                for (var i = 0; i < n; i++) sum += Math.Exp(p[i]) / 10;
                return sum;
            };
            foreach (var adaptive in new[] { false, true })
            {
                var options = new DifferentiationOptions { Backend = backend, LowerBounds = lower, UpperBounds = upper, Adaptive = adaptive };
                var dense = Differentiate.Hessian(f, x, options).Values;
                var sparse = Differentiate.SparseHessian(f, pattern, x, options);
                for (var i = 0; i < n; i++)
                    foreach (var j in pattern.Row(i))
                        Bits.AssertIdentical(dense[i * n + j], sparse.Matrix[i, j], $"seed {seed} adaptive {adaptive} ({i}, {j})");
            }
        }
    }
}
