using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>Least squares with <see cref="LeastSquaresOptions.JacobianSparsity"/>: a tridiagonal
/// Jacobian needs three colours, each Jacobian costs one residual call per colour (two for central
/// differences), and the fit reaches the dense fit's solution.</summary>
public class LeastSquaresSparseJacobianTests(ITestOutputHelper output)
{
    private const int N = 100;

    /// <summary>Broyden tridiagonal (MGH 30): rᵢ = (3 − 2xᵢ)xᵢ − xᵢ₋₁ − 2xᵢ₊₁ + 1 with x₋₁ = xₙ = 0,
    /// a zero-residual problem from x₀ = (−1, …, −1).</summary>
    private static void BroydenTridiagonal(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < x.Length; i++)
        {
            var left = i > 0 ? x[i - 1] : 0;
            var right = i < x.Length - 1 ? x[i + 1] : 0;
            r[i] = (3 - 2 * x[i]) * x[i] - left - 2 * right + 1;
        }
    }

    /// <summary>rᵢ = 4xᵢ − xᵢ₋₁ − xᵢ₊₁ − 1: linear and tridiagonal, so the first Gauss–Newton step
    /// from 0 solves it and is accepted at once.</summary>
    private static void LinearTridiagonal(ReadOnlySpan<double> x, Span<double> r)
    {
        for (var i = 0; i < x.Length; i++)
            r[i] = 4 * x[i] - (i > 0 ? x[i - 1] : 0) - (i < x.Length - 1 ? x[i + 1] : 0) - 1;
    }

    private static SparsityPattern Tridiagonal(int n) =>
        SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n).SelectMany(i => new[] { (i, i - 1), (i, i), (i, i + 1) })
            .Where(e => e.Item2 >= 0 && e.Item2 < n));

    [Theory]
    [InlineData(JacobianMethod.Forward, 1)]
    [InlineData(JacobianMethod.Central, 2)]
    public void Each_jacobian_costs_one_residual_call_per_colour_and_stencil_point(JacobianMethod method, int pointsPerColour)
    {
        // One accepted step: r(x₀), J(x₀), the trial, and J at the result. A tridiagonal pattern's
        // columns i − 1, i, i + 1 share row i, so three colours, and three suffice.
        var calls = 0;
        var options = new LeastSquaresOptions { JacobianMethod = method, JacobianSparsity = Tridiagonal(N), MaxIterations = 1 };

        var result = Optimize.LeastSquares((x, r) => { calls++; LinearTridiagonal(x, r); }, N, new double[N], options);

        Assert.Equal(1, result.Iterations);
        Assert.Equal(3, result.JacobianColors);
        Assert.Equal(2 + 2 * pointsPerColour * 3, result.FunctionEvaluations);
        Assert.Equal(calls, result.FunctionEvaluations);
    }

    [Theory]
    [InlineData(JacobianMethod.Forward)]
    [InlineData(JacobianMethod.Central)]
    public void Broyden_tridiagonal_100_reaches_the_dense_fits_solution_for_far_fewer_evaluations(JacobianMethod method)
    {
        var x0 = Enumerable.Repeat(-1.0, N).ToArray();
        var dense = Optimize.LeastSquares(BroydenTridiagonal, N, x0, new LeastSquaresOptions { JacobianMethod = method });

        var sparse = Optimize.LeastSquares(BroydenTridiagonal, N, x0,
            new LeastSquaresOptions { JacobianMethod = method, JacobianSparsity = Tridiagonal(N) });

        var distance = Math.Sqrt(sparse.X.Zip(dense.X, (a, b) => (a - b) * (a - b)).Sum());
        output.WriteLine($"{method}: dense {dense.Reason}, {dense.FunctionEvaluations} evaluations; sparse {sparse.Reason}, " +
            $"{sparse.FunctionEvaluations} evaluations, {sparse.JacobianColors} colours; |x_sparse - x_dense| = {distance:E2}");
        Assert.True(sparse.Converged, sparse.Reason.ToString());
        Assert.True(sparse.Cost <= 1e-20, $"cost = {sparse.Cost}");
        Assert.True(distance <= 1e-9, $"|x_sparse - x_dense| = {distance}");
        Assert.Equal(0, dense.JacobianColors);
        Assert.True(sparse.FunctionEvaluations * 10 < dense.FunctionEvaluations, $"{sparse.FunctionEvaluations} vs {dense.FunctionEvaluations}");
    }
}
