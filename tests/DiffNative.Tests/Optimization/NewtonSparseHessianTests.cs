using DiffNative.Tests.Support;
using Xunit.Abstractions;

namespace DiffNative.Tests.Optimization;

/// <summary>Both Newton methods difference a sparse Hessian at its sparse cost: the pattern probed
/// at x0 or given in <see cref="OptimizerOptions.HessianSparsity"/>, coloured once, the same
/// iterates as the dense Hessian.</summary>
public class NewtonSparseHessianTests(ITestOutputHelper output)
{
    public static TheoryData<OptimizationMethod> Newtons() => [OptimizationMethod.Newton, OptimizationMethod.TrustRegionNewton];

    private void Report(string name, OptimizationResult r) =>
        output.WriteLine($"{name}: {r.Reason} after {r.Iterations} iterations, f = {r.Value:E3}, |g| = {r.GradientNorm:E2}, " +
            $"{r.FunctionEvaluations} f, {r.GradientEvaluations} g, {r.HessianEvaluations} H, colours {r.HessianColors}");

    [Theory]
    [MemberData(nameof(Newtons))]
    public void Solves_extended_rosenbrock_100_from_values_within_25000_evaluations(OptimizationMethod method)
    {
        var result = Optimize.Minimize(MghProblems.ExtendedRosenbrock, MghProblems.StandardStart(100), new OptimizerOptions { Method = method });
        Report(method.ToString(), result);
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.True(result.Value <= 1e-8, $"f = {result.Value}");
        Assert.True(result.FunctionEvaluations <= 25_000, $"{result.FunctionEvaluations} evaluations");
        // The 2×2 blocks make a graph of disjoint edges: two colours, and no path on four columns to star-colour.
        Assert.Equal(2, result.HessianColors);
    }

    [Theory]
    [MemberData(nameof(Newtons))]
    public void Colours_the_hessian_from_an_analytic_gradient(OptimizationMethod method)
    {
        var n = 100;
        var objective = new Objective(MghProblems.ExtendedRosenbrock) { Gradient = (x, g) => MghProblems.ExtendedRosenbrockGradient(x.ToArray()).CopyTo(g) };
        var result = Optimize.Minimize(objective, MghProblems.StandardStart(n), new OptimizerOptions { Method = method });
        Report(method.ToString(), result);
        Assert.True(result.Value <= 1e-8, $"f = {result.Value}");
        Assert.Equal(2, result.HessianColors);
        // A probe of 3(n + 1) gradients, then per Hessian 2 gradients per colour; one more per
        // iterate at most besides. A dense Hessian alone would take 2n per Hessian.
        Assert.True(result.GradientEvaluations <= 3 * (n + 1) + result.HessianEvaluations * 2 * 2 + 3 * (result.Iterations + 1),
            $"{result.GradientEvaluations} gradients");
    }

    /// <summary>f = Σ (xᵢ − i)² + Σ xᵢxᵢ₊₁/10 + Σ xᵢ⁴/12: a tridiagonal Hessian, not a quadratic.</summary>
    private static double Chain(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            sum += (x[i] - i) * (x[i] - i) + x[i] * x[i] * x[i] * x[i] / 12;
            if (i + 1 < x.Length) sum += x[i] * x[i + 1] / 10;
        }
        return sum;
    }

    private static SparsityPattern Tridiagonal(int n) =>
        SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n).SelectMany(i => i + 1 < n ? new[] { (i, i), (i, i + 1) } : [(i, i)]));

    private static SparsityPattern Full(int n) =>
        SparsityPattern.FromEntries(n, n, Enumerable.Range(0, n).SelectMany(i => Enumerable.Range(0, n).Select(j => (i, j))));

    private static void ChainGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (var i = 0; i < x.Length; i++)
        {
            g[i] = 2 * (x[i] - i) + x[i] * x[i] * x[i] / 3;
            if (i > 0) g[i] += x[i - 1] / 10;
            if (i + 1 < x.Length) g[i] += x[i + 1] / 10;
        }
    }

    private static readonly double[] ChainStart = [3, -2, 1, 4, 0.5, -1, 2, 6];

    private (OptimizationResult Sparse, OptimizationResult Dense) SparseAndDense(OptimizationMethod method, Objective objective)
    {
        var options = new OptimizerOptions { Method = method, RecordTrace = true, GradientTolerance = 1e-8 };
        var n = ChainStart.Length;
        var sparse = Optimize.Minimize(objective, ChainStart, options with { HessianSparsity = Tridiagonal(n) });
        var dense = Optimize.Minimize(objective, ChainStart, options with { HessianSparsity = Full(n) });
        Report("sparse", sparse);
        Report("dense", dense);
        Assert.Equal(3, sparse.HessianColors);
        Assert.Null(dense.HessianColors);
        Assert.Equal(dense.Iterations, sparse.Iterations);
        Assert.True(sparse.Iterations >= 3);
        return (sparse, dense);
    }

    private static void AssertSameIterates(OptimizationResult sparse, OptimizationResult dense, double tolerance)
    {
        for (var k = 0; k < dense.Trace!.Count; k++)
            for (var i = 0; i < ChainStart.Length; i++)
                Assert.True(Math.Abs(dense.Trace[k].X[i] - sparse.Trace![k].X[i]) <= tolerance * Math.Max(1, Math.Abs(dense.Trace[k].X[i])),
                    $"iteration {k}, x[{i}]: {sparse.Trace![k].X[i]:R} against {dense.Trace[k].X[i]:R}");
    }

    [Theory]
    [MemberData(nameof(Newtons))]
    public void Takes_the_dense_iterates_from_an_analytic_gradient(OptimizationMethod method)
    {
        // Gradient entries that do not read a coordinate keep their bits, so the dense Jacobian of ∇f
        // has exact zeros off the band and the two Hessians differ only in the rounding of the
        // symmetrisation (½(a + b) against a): about 1e-10 on entries of order 1.
        var (sparse, dense) = SparseAndDense(method, new Objective(Chain) { Gradient = ChainGradient });
        AssertSameIterates(sparse, dense, 1e-9);
        Assert.True(dense.GradientEvaluations - sparse.GradientEvaluations == dense.HessianEvaluations * (2 * 8 - 2 * 3),
            $"{sparse.GradientEvaluations} against {dense.GradientEvaluations} gradients");
    }

    [Theory]
    [MemberData(nameof(Newtons))]
    public void Takes_the_dense_iterates_from_values(OptimizationMethod method)
    {
        // The sparse entries are the dense ones' bits, but the dense Hessian's off-band entries are
        // the rounding of four values of f over the step squared, ε·|f|/h² ≈ 1e-6, not 0.
        var (sparse, dense) = SparseAndDense(method, new Objective(Chain));
        AssertSameIterates(sparse, dense, 1e-6);
        // From values the dense Hessian costs 2n² + 1 = 129, the tridiagonal one 4(n − 1) + 2n + 1 = 45.
        Assert.Equal(dense.FunctionEvaluations - sparse.FunctionEvaluations, dense.HessianEvaluations * (129 - 45));
    }

    [Fact]
    public void Differences_densely_when_the_probed_pattern_is_more_than_half_full()
    {
        // Every pair of the 10 variables is coupled through (Σxᵢ)².
        var result = Optimize.Minimize(x =>
        {
            double sum = 0, squares = 0;
            for (var i = 0; i < x.Length; i++)
            {
                sum += x[i];
                squares += (x[i] - 1) * (x[i] - 1);
            }
            return squares + sum * sum;
        }, new double[10], new OptimizerOptions { Method = OptimizationMethod.Newton });
        Assert.True(result.Converged, result.Reason.ToString());
        Assert.Null(result.HessianColors);
    }

    [Fact]
    public void Refuses_a_pattern_of_another_size_naming_it()
    {
        var error = Assert.Throws<ArgumentException>(() => Optimize.Minimize(Chain, new double[8],
            new OptimizerOptions { Method = OptimizationMethod.Newton, HessianSparsity = Tridiagonal(7) }));
        Assert.Equal(nameof(OptimizerOptions.HessianSparsity), error.ParamName);
    }
}
