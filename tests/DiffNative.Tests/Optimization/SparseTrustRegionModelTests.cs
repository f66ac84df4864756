using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>Steihaug–Toint truncated CG on a sparse Hessian (the large-n model of trust-region
/// Newton), against steps worked out by hand, and a 2,000-variable minimisation that must not hold
/// an n×n matrix.</summary>
public class SparseTrustRegionModelTests
{
    /// <summary>Rows 0 and 1 coupled, 2 and 3 diagonal: 6 of 16 entries, sparse enough to keep.</summary>
    private static HessianStructure Structure(double[] dense)
    {
        var pattern = SparsityPattern.FromEntries(4, 4, [(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (3, 3)]);
        var structure = HessianStructure.For(pattern)!;
        var pointers = pattern.RowPointers;
        var columns = pattern.ColumnIndices;
        for (var i = 0; i < 4; i++)
            for (var k = pointers[i]; k < pointers[i + 1]; k++)
                structure.Values[k] = dense[i * 4 + columns[k]];
        return structure;
    }

    private static SparseTrustRegionModel Model(double[] dense)
    {
        var model = new SparseTrustRegionModel(4, Structure(dense));
        model.Scale([1, 1, 1, 1]);
        return model;
    }

    private static double Norm(double[] p) => Math.Sqrt(p.Sum(v => v * v));

    [Fact]
    public void Takes_the_newton_step_when_it_lies_inside()
    {
        // H = [[4, 1], [1, 3]] ⊕ diag(2, 5); −H⁻¹g = −(1/11·(3·1 − 2), 1/11·(−1 + 4·2), 3/2, 4/5)·s for g = s·(1, 2, 3, 4).
        // A small g makes CG's stopping tolerance min(½, √‖g‖)·‖g‖ tight (√‖g‖ ≈ 2.3e-5).
        const double s = 1e-9;
        var model = Model([4, 1, 0, 0, 1, 3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 5]);
        var p = new double[4];

        Assert.True(model.Solve([s, 2 * s, 3 * s, 4 * s], 1.0, p, out var onBoundary));

        Assert.False(onBoundary);
        double[] expected = [-s / 11, -7 * s / 11, -1.5 * s, -0.8 * s];
        for (var i = 0; i < 4; i++) Assert.True(Math.Abs(p[i] - expected[i]) <= 1e-4 * s, $"p[{i}] = {p[i]}, expected {expected[i]}");
    }

    [Fact]
    public void Stops_on_the_boundary_at_least_at_the_cauchy_point_when_the_newton_step_is_too_long()
    {
        // H = diag(1, −1, 2, 3) is indefinite, g = (1, 1, 1, 1), Δ = ½. gᵀHg = 5 > 0 and ‖g‖³/(Δ·gᵀHg) = 3.2 ≥ 1,
        // so the Cauchy point is −Δg/‖g‖ = −¼(1, 1, 1, 1), where the model is −1 + ½·(1/16)·5 = −0.84375.
        var model = Model([1, 0, 0, 0, 0, -1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3]);
        var p = new double[4];
        double[] g = [1, 1, 1, 1];

        Assert.True(model.Solve(g, 0.5, p, out var onBoundary));

        Assert.True(onBoundary);
        Assert.Equal(0.5, Norm(p), 12);
        Assert.True(model.PredictedDecrease(g, p) >= 0.84375 - 1e-12, $"decrease {model.PredictedDecrease(g, p)}");
    }

    [Fact]
    public void Follows_negative_curvature_to_the_boundary()
    {
        // H = diag(−1, −2, 1, 1), g = (1, 1, 0, 0): −g has curvature −3, so the step is −Δg/‖g‖.
        var model = Model([-1, 0, 0, 0, 0, -2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
        var p = new double[4];

        Assert.True(model.Solve([1, 1, 0, 0], 2.0, p, out var onBoundary));

        Assert.True(onBoundary);
        var expected = -2.0 / Math.Sqrt(2);
        Assert.Equal(expected, p[0], 12);
        Assert.Equal(expected, p[1], 12);
        Assert.Equal(0.0, p[2]);
        Assert.Equal(0.0, p[3]);
    }

    [Fact]
    public void Minimises_extended_rosenbrock_with_2000_variables_without_an_n_by_n_matrix()
    {
        // A dense model would hold three 2000 × 2000 matrices (96 MB); the sparse one holds O(n + nnz).
        const int n = 2000;
        var x0 = new double[n];
        for (var i = 0; i < n; i += 2) (x0[i], x0[i + 1]) = (-1.2, 1.0);
        var entries = new List<(int, int)>();
        for (var i = 0; i < n; i += 2) entries.AddRange([(i, i), (i, i + 1), (i + 1, i), (i + 1, i + 1)]);
        var objective = new Objective(MghProblems.ExtendedRosenbrock) { Gradient = MghGradients.For("extended_rosenbrock_10") };
        var options = new OptimizerOptions
        {
            Method = OptimizationMethod.TrustRegionNewton,
            HessianSparsity = SparsityPattern.FromEntries(n, n, entries),
        };

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Optimize.Minimize(objective, x0, options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(result.Value <= 1e-8, $"f = {result.Value}");
        Assert.Equal(2, result.HessianColors);
        Assert.True(allocated < 8L * n * n / 2, $"{allocated:N0} bytes allocated");
    }
}
