using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions.Sparse;

/// <summary>Adaptive sparse Jacobians run the dense engine's step sequence and its entry-wise
/// Richardson tableau on the compressed differences, so each pattern entry must have the adaptive
/// dense Jacobian's bits (with and without bounds), at 8 levels' cost.</summary>
public class SparseAdaptiveTests
{
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Adaptive_sparse_Jacobians_give_the_adaptive_dense_Jacobians_bits(Backend backend)
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var pattern = SparsePatterns.Random(1 + seed % 13, 1 + seed * 5 % 29, 0.12, seed);
            var f = SparsePatterns.RowFunction(pattern);
            var x = SparsePatterns.Point(pattern.Columns, seed);
            var lower = x.Select((v, i) => i % 3 == 1 ? v - 1e-3 : double.NegativeInfinity).ToArray();
            foreach (var options in new[]
            {
                new DifferentiationOptions { Backend = backend, Adaptive = true },
                new DifferentiationOptions { Backend = backend, Adaptive = true, LowerBounds = lower },
            })
            {
                var dense = Differentiate.Jacobian(f, pattern.Rows, x, options).Values;
                var coloring = JacobianColoring.Compute(pattern);
                var sparse = Differentiate.SparseJacobian(f, coloring, x, options);
                for (var r = 0; r < pattern.Rows; r++)
                    foreach (var c in pattern.Row(r))
                        Bits.AssertIdentical(dense[r * pattern.Columns + c], sparse.Matrix[r, c], $"seed {seed} ({r}, {c})");
                if (options.LowerBounds.IsEmpty) Assert.Equal(8 * 2 * coloring.Colors, sparse.Evaluations);
            }
        }
    }

    [Fact]
    public void Adaptive_Hessians_from_a_gradient_take_bits_from_the_adaptive_dense_Jacobian_and_reach_1e_12()
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var n = 2 + seed % 17;
            var coloring = HessianColoring.Compute(SparsePatterns.Random(n, n, 0.12, seed));
            var (gradient, hessian) = SparseHessianFromGradientTests.Coupled(coloring.Pattern);
            var x = SparsePatterns.Point(n, seed);
            var options = new DifferentiationOptions { Adaptive = true };
            var dense = Differentiate.Jacobian(gradient, n, x, options).Values;
            var sparse = Differentiate.SparseHessianFromGradient(gradient, coloring, x, options);
            for (var i = 0; i < n; i++)
                foreach (var j in coloring.Pattern.Row(i))
                {
                    var bits = BitConverter.DoubleToInt64Bits(sparse.Matrix[i, j]);
                    Assert.True(bits == BitConverter.DoubleToInt64Bits(dense[i * n + j]) || bits == BitConverter.DoubleToInt64Bits(dense[j * n + i]),
                        $"seed {seed} ({i}, {j})");
                    Bits.AssertIdentical(sparse.Matrix[i, j], sparse.Matrix[j, i], $"seed {seed} symmetry ({i}, {j})");
                }
            // Extrapolation reaches near rounding level on these smooth O(1) terms.
            Assert.InRange(MghProblems.ScaledError(sparse.Matrix.ToDense(), hessian(x)), 0, 1e-12);
        }
    }
}
