using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions.Sparse;

/// <summary>The sparse Jacobian perturbs whole colours at once, but every row reads only its own
/// columns, so each row sees exactly the point the dense engine evaluates for that column: with
/// the same steps, the values are asserted equal to the dense Jacobian's bit for bit.</summary>
public class SparseJacobianTests
{
    public static IEnumerable<object[]> Schemes()
    {
        foreach (var b in Backends.All())
        {
            yield return [b[0], DifferenceScheme.Central, 2];
            yield return [b[0], DifferenceScheme.Forward, 1];
            yield return [b[0], DifferenceScheme.Central, 4];
            yield return [b[0], DifferenceScheme.Backward, 2];
        }
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Random_patterns_give_the_dense_Jacobians_bits_on_every_entry(Backend backend, DifferenceScheme scheme, int accuracy)
    {
        var options = new DifferentiationOptions { Backend = backend, Scheme = scheme, Accuracy = accuracy };
        for (var seed = 0; seed < 25; seed++)
        {
            var pattern = SparsePatterns.Random(1 + seed % 13, 1 + seed * 5 % 29, 0.12, seed);
            var f = SparsePatterns.RowFunction(pattern);
            var x = SparsePatterns.Point(pattern.Columns, seed);
            // The sparse Jacobian has no step check: the dense one without it is its reference.
            var dense = Differentiate.Jacobian(f, pattern.Rows, x, options with { CheckDifferentiability = false }).Values;
            var sparse = Differentiate.SparseJacobian(f, pattern, x, options);
            // Off the pattern the dense engine leaves rounding noise (Σ wⱼ·f is not exactly 0 for
            // accuracy 4), so the comparison is on the pattern's entries.
            for (var r = 0; r < pattern.Rows; r++)
                foreach (var c in pattern.Row(r))
                    Bits.AssertIdentical(dense[r * pattern.Columns + c], sparse.Matrix[r, c], $"seed {seed} ({r}, {c})");
        }
    }

    [Fact]
    public void Evaluations_are_colours_times_non_centre_points_plus_a_shared_centre()
    {
        var coloring = JacobianColoring.Compute(SparsePatterns.Banded(40, 2));
        var f = SparsePatterns.RowFunction(coloring.Pattern);
        var x = SparsePatterns.Point(40, 1);
        var values = new double[coloring.Pattern.NonZeros];
        Assert.Equal(5, coloring.Colors);
        Assert.Equal(2 * 5, Differentiate.SparseJacobian(f, coloring, x, values).Evaluations);
        Assert.Equal(4 * 5, Differentiate.SparseJacobian(f, coloring, x, values, new DifferentiationOptions { Accuracy = 4 }).Evaluations);
        Assert.Equal(1 + 5, Differentiate.SparseJacobian(f, coloring, x, values, new DifferentiationOptions { Scheme = DifferenceScheme.Forward, Accuracy = 1 }).Evaluations);
    }

    [Fact]
    public void A_tridiagonal_Jacobian_of_100000_unknowns_takes_3_colours_and_6_central_evaluations()
    {
        const int n = 100_000;
        // Residual of -u'' + u³ = 0 on a uniform grid: J is tridiagonal with -1, 2 + 3u², -1.
        VectorFunction residual = (u, r) =>
        {
            for (var i = 0; i < n; i++)
                r[i] = -(i > 0 ? u[i - 1] : 0) + 2 * u[i] - (i < n - 1 ? u[i + 1] : 0) + u[i] * u[i] * u[i];
        };
        var x = Enumerable.Range(0, n).Select(i => Math.Sin(i * 1e-3)).ToArray();
        var result = Differentiate.SparseJacobian(residual, SparsePatterns.Tridiagonal(n), x);
        Assert.Equal(3, result.Colors);
        Assert.Equal(6, result.Evaluations);
        for (var i = 0; i < n; i += 997)
        {
            Assert.Equal(2 + 3 * x[i] * x[i], result.Matrix[i, i], 1e-8);
            if (i > 0) Assert.Equal(-1, result.Matrix[i, i - 1], 1e-8);
        }
    }

    [Fact]
    public void The_five_point_Laplacian_residual_on_300_by_300_takes_5_colours_and_10_central_evaluations()
    {
        const int side = 300;
        // r = −Δₕu + u³ with zero boundary values and h = 1: J has 4 + 3u² on the diagonal, −1 for
        // each grid neighbour.
        VectorFunction residual = (u, r) =>
        {
            for (var i = 0; i < side; i++)
                for (var j = 0; j < side; j++)
                {
                    var k = i * side + j;
                    var neighbours = (i > 0 ? u[k - side] : 0) + (i < side - 1 ? u[k + side] : 0) + (j > 0 ? u[k - 1] : 0) + (j < side - 1 ? u[k + 1] : 0);
                    r[k] = 4 * u[k] - neighbours + u[k] * u[k] * u[k];
                }
        };
        var x = Enumerable.Range(0, side * side).Select(k => Math.Sin(k * 1e-3)).ToArray();
        var result = Differentiate.SparseJacobian(residual, SparsePatterns.Laplacian(side), x);
        Assert.Equal(5, result.Colors);
        Assert.Equal(10, result.Evaluations);
        for (var k = 0; k < side * side; k += 997)
        {
            Assert.Equal(4 + 3 * x[k] * x[k], result.Matrix[k, k], 1e-8);
            if (k >= side) Assert.Equal(-1, result.Matrix[k, k - side], 1e-8);
            if (k % side > 0) Assert.Equal(-1, result.Matrix[k, k - 1], 1e-8);
        }
    }

    [Fact]
    public void Batch_and_parallel_evaluation_give_the_same_bits()
    {
        var coloring = JacobianColoring.Compute(SparsePatterns.Random(30, 40, 0.08, 7));
        var f = SparsePatterns.RowFunction(coloring.Pattern);
        var m = coloring.Pattern.Rows;
        BatchVectorFunction batch = (points, n, values) =>
        {
            for (var r = 0; r < points.Length / n; r++) f(points.Slice(r * n, n), values.Slice(r * m, m));
        };
        var x = SparsePatterns.Point(40, 3);
        var nnz = coloring.Pattern.NonZeros;
        double[] sequential = new double[nnz], parallel = new double[nnz], batched = new double[nnz];
        Differentiate.SparseJacobian(f, coloring, x, sequential);
        Differentiate.SparseJacobian(f, coloring, x, parallel, new DifferentiationOptions { Parallel = true });
        Differentiate.SparseJacobian(batch, coloring, x, batched, new DifferentiationOptions { BatchSize = 3 });
        for (var e = 0; e < nnz; e++)
        {
            Bits.AssertIdentical(sequential[e], parallel[e], $"parallel {e}");
            Bits.AssertIdentical(sequential[e], batched[e], $"batch {e}");
        }
    }

    [Fact]
    public void The_span_overload_allocates_nothing_in_steady_state()
    {
        var coloring = JacobianColoring.Compute(SparsePatterns.Banded(60, 2));
        var f = SparsePatterns.RowFunction(coloring.Pattern);
        var x = SparsePatterns.Point(60, 5);
        var values = new double[coloring.Pattern.NonZeros];
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
            foreach (var scheme in new[] { DifferenceScheme.Central, DifferenceScheme.Forward })
                foreach (var adaptive in new[] { false, true })
                {
                    var options = new DifferentiationOptions { Backend = backend, Scheme = scheme, Adaptive = adaptive };
                    var bytes = Allocations.SteadyState(() => Differentiate.SparseJacobian(f, coloring, x, values, options));
                    Assert.True(bytes == 0, $"{backend} {scheme} adaptive {adaptive}: {bytes} bytes");
                }
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        var coloring = JacobianColoring.Compute(SparsePatterns.Tridiagonal(4));
        var f = SparsePatterns.RowFunction(coloring.Pattern);
        var values = new double[coloring.Pattern.NonZeros];
        double[] x = [0.1, 0.2, 0.3, 0.4];
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.SparseJacobian(f, coloring, [1.0, 2.0], values)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Differentiate.SparseJacobian(f, coloring, x, new double[3])).ParamName);
        Assert.Equal("Accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.SparseJacobian(f, coloring, x, values, new DifferentiationOptions { Accuracy = 3 })).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.SparseJacobian(f, coloring, x, values, new DifferentiationOptions { LowerBounds = new double[] { 0.2, 0, 0, 0 } })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => Differentiate.SparseJacobian(f, coloring, x, values, new DifferentiationOptions { LowerBounds = x, UpperBounds = x })).ParamName);
        Assert.Equal("LowerBounds", Assert.Throws<ArgumentException>(() => Differentiate.SparseJacobian(f, coloring, x, values, new DifferentiationOptions { LowerBounds = new double[3] })).ParamName);
        Assert.Equal("coloring", Assert.Throws<ArgumentNullException>(() => Differentiate.SparseJacobian(f, (JacobianColoring)null!, x, values)).ParamName);
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void The_decompression_kernel_matches_the_managed_reference_bit_for_bit(Backend backend)
    {
        var random = new Random(11);
        const int stride = 53, steps = 31;
        var values = Enumerable.Range(0, 3 * stride).Select(_ => random.NextDouble() - 0.5).ToArray();
        var h = Enumerable.Range(0, steps).Select(_ => random.NextDouble() * 1e-3 + 1e-9).ToArray();
        double[] weights = [-0.5, 0.25, 0.5];
        foreach (var count in Enumerable.Range(0, 71).Concat([1000]))
        {
            var sources = Enumerable.Range(0, count).Select(_ => random.Next(stride)).ToArray();
            var columns = Enumerable.Range(0, count).Select(_ => random.Next(steps)).ToArray();
            double[] expected = new double[count], actual = new double[count];
            DiffNative.Reference.SparseCombineReference.Combine(values, stride, weights, sources, columns, h, expected);
            DifferenceKernels.SparseCombine(backend, values, stride, weights, sources, columns, h, actual);
            for (var e = 0; e < count; e++) Bits.AssertIdentical(expected[e], actual[e], $"count {count} entry {e}");
        }
    }
}
