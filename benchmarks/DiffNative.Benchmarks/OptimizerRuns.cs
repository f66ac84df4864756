using DiffNative.Optimization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace DiffNative.Benchmarks;

/// <summary>One minimisation per solver, with the same analytic gradient for all, shared by the
/// timed benchmarks and the <c>--counts</c> table. Newton's Hessian is the Jacobian of that gradient
/// from our engine for both libraries (Math.NET's NewtonMinimizer needs one, and our Newton forms
/// the same one when none is given). Every solver stops at the same gradient tolerance.</summary>
internal static class OptimizerRuns
{
    internal const double GradientTolerance = 1e-6;

    /// <summary>What one run ended with and cost. Evaluations are counted by wrapping the delegates.</summary>
    internal sealed record Outcome(string Solver, bool Success, int Iterations, int FunctionEvaluations, int GradientEvaluations, double Value, string Note);

    internal static readonly string[] Solvers =
    [
        "DiffNative BFGS", "DiffNative L-BFGS", "DiffNative Newton", "DiffNative trust-region Newton", "DiffNative BFGS (numerical gradient)",
        "Math.NET BfgsMinimizer", "Math.NET LimitedMemoryBfgsMinimizer", "Math.NET NewtonMinimizer",
    ];

    internal static Outcome Run(string solver, MghObjectives.Problem problem) => solver switch
    {
        "DiffNative BFGS" => DiffNative(solver, problem, OptimizationMethod.Bfgs, analytic: true),
        "DiffNative L-BFGS" => DiffNative(solver, problem, OptimizationMethod.Lbfgs, analytic: true),
        "DiffNative Newton" => DiffNative(solver, problem, OptimizationMethod.Newton, analytic: true),
        "DiffNative trust-region Newton" => DiffNative(solver, problem, OptimizationMethod.TrustRegionNewton, analytic: true),
        "DiffNative BFGS (numerical gradient)" => DiffNative(solver, problem, OptimizationMethod.Bfgs, analytic: false),
        "Math.NET BfgsMinimizer" => MathNet(solver, problem, () => new BfgsMinimizer(GradientTolerance, 1e-15, 1e-15, 10_000), hessian: false),
        "Math.NET LimitedMemoryBfgsMinimizer" => MathNet(solver, problem, () => new LimitedMemoryBfgsMinimizer(GradientTolerance, 1e-15, 1e-15, 10, 10_000), hessian: false),
        "Math.NET NewtonMinimizer" => MathNet(solver, problem, () => new NewtonMinimizer(GradientTolerance, 10_000, useLineSearch: true), hessian: true),
        _ => throw new ArgumentException($"unknown solver {solver}", nameof(solver)),
    };

    private static Outcome DiffNative(string solver, MghObjectives.Problem problem, OptimizationMethod method, bool analytic)
    {
        var objective = new Objective(problem.F) { Gradient = analytic ? problem.Gradient : null };
        var r = Optimize.Minimize(objective, problem.X0, new OptimizerOptions { Method = method, GradientTolerance = GradientTolerance, MaxIterations = 10_000 });
        return new Outcome(solver, r.Converged, r.Iterations, r.FunctionEvaluations, r.GradientEvaluations, r.Value, r.Reason.ToString());
    }

    private static Outcome MathNet(string solver, MghObjectives.Problem problem, Func<IUnconstrainedMinimizer> create, bool hessian)
    {
        int functions = 0, gradients = 0;
        var n = problem.X0.Length;
        double F(Vector<double> x)
        {
            functions++;
            return problem.F(x.AsArray() ?? x.ToArray());
        }
        Vector<double> G(Vector<double> x)
        {
            gradients++;
            var g = new double[n];
            problem.Gradient(x.AsArray() ?? x.ToArray(), g);
            return Vector<double>.Build.Dense(g);
        }
        Matrix<double> H(Vector<double> x)
        {
            var h = new double[n * n];
            VectorFunction gradient = (p, y) =>
            {
                gradients++;
                problem.Gradient(p, y);
            };
            // Unchecked, as our Newton forms its Hessian (OptimizerOptions.Differentiation).
            Differentiate.Jacobian(gradient, n, x.AsArray() ?? x.ToArray(), h, DifferentiationOptions.Default with { CheckDifferentiability = false });
            return Matrix<double>.Build.Dense(n, n, (i, j) => 0.5 * (h[i * n + j] + h[j * n + i]));
        }
        var objective = hessian ? ObjectiveFunction.GradientHessian(F, G, H) : ObjectiveFunction.Gradient(F, G);
        try
        {
            var r = create().FindMinimum(objective, Vector<double>.Build.Dense(problem.X0));
            var value = problem.F(r.MinimizingPoint.ToArray());
            return new Outcome(solver, value <= 1e-8, r.Iterations, functions, gradients, value, r.ReasonForExit.ToString());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Math.NET reports failure by throwing (too many iterations, line search failures).
            return new Outcome(solver, false, -1, functions, gradients, double.NaN, e.GetType().Name);
        }
    }
}
