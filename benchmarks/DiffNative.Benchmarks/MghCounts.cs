using System.Diagnostics;
using System.Globalization;
using DiffNative.Optimization;
using DiffNative.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Optimization.ObjectiveFunctions;

namespace DiffNative.Benchmarks;

/// <summary><c>--mgh</c>: every solver from every standard start of the Moré–Garbow–Hillstrom set
/// (<see cref="MghSet"/>), all with numerical derivatives, as markdown: a table per problem (solved,
/// function evaluations, final F) and a summary. A solver solves a problem when its final F lies
/// within 1e-8·max(1, F*) of a known minimum F*. Evaluations are counted by wrapping the function:
/// one evaluation is one F, or one residual vector for the least-squares solvers.</summary>
internal static class MghCounts
{
    private const int MaxIterations = 1000;
    private const double GradientTolerance = 1e-6;

    private sealed record Outcome(bool Solved, long Evaluations, double Value, string Note);

    private sealed record Solver(string Name, Func<MghProblem, Func<ScalarFunction, ScalarFunction>, Func<VectorFunction, VectorFunction>, double[]> Run);

    internal static int Print(TextWriter output)
    {
        var solvers = Solvers();
        var outcomes = new Dictionary<(string Problem, string Solver), Outcome>();
        var seconds = solvers.ToDictionary(s => s.Name, _ => 0.0);
        foreach (var problem in MghSet.All)
        {
            output.WriteLine($"### {problem.Number}. {problem.Id} (n = {problem.N}, m = {problem.M}, F* = {string.Join(" or ", problem.Minima.Select(m => Format(m.F)))})");
            output.WriteLine();
            output.WriteLine("| solver | solved | evaluations | final F |");
            output.WriteLine("|---|---|---:|---:|");
            foreach (var solver in solvers)
            {
                var clock = Stopwatch.StartNew();
                var outcome = Run(solver, problem);
                seconds[solver.Name] += clock.Elapsed.TotalSeconds;
                outcomes[(problem.Id, solver.Name)] = outcome;
                output.WriteLine($"| {solver.Name} | {(outcome.Solved ? "yes" : "no")} | {outcome.Evaluations:N0} | {Format(outcome.Value)}{(outcome.Note.Length > 0 ? " (" + outcome.Note + ")" : "")} |");
            }
            output.WriteLine();
        }

        var common = MghSet.All.Where(p => solvers.All(s => outcomes[(p.Id, s.Name)].Solved)).Select(p => p.Id).ToArray();
        output.WriteLine($"### Summary ({MghSet.All.Count} problems; evaluations summed over the {common.Length} that every solver solves)");
        output.WriteLine();
        output.WriteLine("| solver | solved | evaluations (common problems) | evaluations (all problems) | wall time (s) |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var solver in solvers)
        {
            var solved = MghSet.All.Count(p => outcomes[(p.Id, solver.Name)].Solved);
            var evaluations = common.Sum(id => outcomes[(id, solver.Name)].Evaluations);
            var all = MghSet.All.Sum(p => outcomes[(p.Id, solver.Name)].Evaluations);
            output.WriteLine($"| {solver.Name} | {solved} | {evaluations:N0} | {all:N0} | {seconds[solver.Name].ToString("F2", CultureInfo.InvariantCulture)} |");
        }
        output.WriteLine();
        output.WriteLine($"Common problems: {string.Join(", ", common)}.");
        return 0;
    }

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>One run with counting wrappers; a solver that throws (Math.NET reports failure so)
    /// has not solved the problem, and its evaluations so far still count.</summary>
    private static Outcome Run(Solver solver, MghProblem problem)
    {
        long count = 0;
        ScalarFunction CountScalar(ScalarFunction f) => x =>
        {
            count++;
            return f(x);
        };
        VectorFunction CountVector(VectorFunction r) => (x, y) =>
        {
            count++;
            r(x, y);
        };
        try
        {
            var x = solver.Run(problem, CountScalar, CountVector);
            var value = problem.Value(x);
            return new Outcome(problem.Reaches(value), count, value, "");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Outcome(false, count, double.NaN, e.GetType().Name);
        }
    }

    /// <summary>DiffNative's BFGS, L-BFGS and every method named Newton (so a new one is listed without
    /// an edit here) and its least squares; Math.NET 5's counterparts.</summary>
    private static List<Solver> Solvers()
    {
        var solvers = new List<Solver>();
        foreach (var method in Enum.GetValues<OptimizationMethod>()
                     .Where(m => m is OptimizationMethod.Bfgs or OptimizationMethod.Lbfgs || m.ToString().Contains("Newton", StringComparison.Ordinal)))
            solvers.Add(new($"DiffNative {method}", (problem, scalar, _) =>
                Optimize.Minimize(scalar(problem.Value), problem.X0, new OptimizerOptions { Method = method, MaxIterations = MaxIterations }).X));
        solvers.Add(new("DiffNative LeastSquares", (problem, _, vector) =>
            Optimize.LeastSquares(vector(problem.Residuals), problem.M, problem.X0).X));
        solvers.Add(new("Math.NET BfgsMinimizer", (problem, scalar, _) =>
            new BfgsMinimizer(GradientTolerance, 1e-15, 1e-15, MaxIterations).FindMinimum(ForwardDifference(problem, scalar), Start(problem)).MinimizingPoint.ToArray()));
        solvers.Add(new("Math.NET LimitedMemoryBfgsMinimizer", (problem, scalar, _) =>
            new LimitedMemoryBfgsMinimizer(GradientTolerance, 1e-15, 1e-15, 10, MaxIterations).FindMinimum(ForwardDifference(problem, scalar), Start(problem)).MinimizingPoint.ToArray()));
        solvers.Add(new("Math.NET NewtonMinimizer", (problem, scalar, _) =>
            new NewtonMinimizer(GradientTolerance, MaxIterations, useLineSearch: true).FindMinimum(NewtonObjective(problem, scalar), Start(problem)).MinimizingPoint.ToArray()));
        solvers.Add(new("Math.NET LevenbergMarquardtMinimizer", (problem, _, vector) =>
            new LevenbergMarquardtMinimizer(maximumIterations: MaxIterations).FindMinimum(ResidualModel(problem, vector), Start(problem)).MinimizingPoint.ToArray()));
        return solvers;
    }

    private static Vector<double> Start(MghProblem problem) => Vector<double>.Build.Dense(problem.X0);

    /// <summary>Math.NET's own forward-difference gradient (n evaluations per gradient) around F.</summary>
    private static IObjectiveFunction ForwardDifference(MghProblem problem, Func<ScalarFunction, ScalarFunction> scalar)
    {
        var f = scalar(problem.Value);
        var unbounded = Vector<double>.Build.Dense(problem.N, double.PositiveInfinity);
        return new ForwardDifferenceGradientObjectiveFunction(ObjectiveFunction.Value(x => f(x.ToArray())), -unbounded, unbounded);
    }

    /// <summary>Math.NET has no numerical Hessian objective, so its Newton gets the gradient and the
    /// Hessian from values through DiffNative's differentiation, as DiffNative's Newton forms them.</summary>
    private static IObjectiveFunction NewtonObjective(MghProblem problem, Func<ScalarFunction, ScalarFunction> scalar)
    {
        var f = scalar(problem.Value);
        var n = problem.N;
        return ObjectiveFunction.GradientHessian(
            x => f(x.ToArray()),
            x =>
            {
                var g = new double[n];
                Differentiate.Gradient(f, x.ToArray(), g);
                return Vector<double>.Build.Dense(g);
            },
            x =>
            {
                var h = new double[n * n];
                Differentiate.Hessian(f, x.ToArray(), h);
                return Matrix<double>.Build.Dense(n, n, (i, j) => 0.5 * (h[i * n + j] + h[j * n + i]));
            });
    }

    /// <summary>The residuals as Math.NET's nonlinear model with observations 0: its residual
    /// y − f(x; p) is then r(p) when f returns −r. Its Jacobian is its own forward difference.</summary>
    private static IObjectiveModel ResidualModel(MghProblem problem, Func<VectorFunction, VectorFunction> vector)
    {
        var r = vector(problem.Residuals);
        var m = problem.M;
        var observedX = Vector<double>.Build.Dense(m, i => i);
        var observedY = Vector<double>.Build.Dense(m);
        return ObjectiveFunction.NonlinearModel((p, _) =>
        {
            var values = new double[m];
            r(p.ToArray(), values);
            return -Vector<double>.Build.Dense(values);
        }, observedX, observedY, accuracyOrder: 1);
    }
}
