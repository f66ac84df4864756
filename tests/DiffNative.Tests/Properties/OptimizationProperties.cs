using CsCheck;
using static DiffNative.Tests.Properties.Inputs;

namespace DiffNative.Tests.Properties;

/// <summary>Properties of <see cref="Optimize.Minimize(ScalarFunction, ReadOnlySpan{double}, OptimizerOptions?, CancellationToken)"/>
/// and <see cref="GradientCheck"/> over generated functions (throwing, NaN, cancelling, null),
/// starting points and options in and out of range: the <see cref="Contract"/>, and a result
/// whose iterate is finite.</summary>
public class OptimizationProperties
{
    private static readonly string[] DifferentiationNames =
        ["Scheme", "Accuracy", "BatchSize", "MaxDegreeOfParallelism", "Steps", "TypicalScales", "LowerBounds", "UpperBounds"];

    internal sealed record MinimizeCase(UserFunction Function, double[] X0, int Method, int LineSearch, double? LearningRate, double Fraction,
        double Tolerance, int MaxIterations, int MaxEvaluations, int Memory, double Armijo, double Curvature, bool Bounds);

    private static readonly Gen<MinimizeCase> Minimizations =
        from function in UserFunction.Any
        from n in Gen.Frequency((10, Gen.Int[1, 3]), (1, Gen.Const(0)))
        from x0 in Inputs.Array(n, Gen.Frequency((10, Gen.Double[-3, 3]), (1, Value)))
        from method in Gen.Frequency((10, Gen.Int[0, 9]), (1, Gen.OneOf(-1, 10, 99)))
        from lineSearch in Gen.Frequency((8, Gen.Const(0)), (3, Gen.Int[1, 3]), (1, Gen.OneOf(-1, 4)))
        from rate in Gen.Frequency((4, Gen.Const((double?)null)), (2, Gen.Double[1e-3, 0.3].Select(r => (double?)r)), (1, Gen.OneOf(Special).Select(r => (double?)r)))
        from fraction in Gen.Frequency((8, Gen.Double[0, 0.999]), (1, Gen.OneOf(Special)), (1, Gen.OneOf(1.0, 1.5)))
        from tolerance in Gen.Frequency((8, LogUniform(-30, 0, signed: false)), (1, Gen.OneOf(Special)))
        from maxIterations in Gen.Frequency((8, Gen.Int[1, 40]), (1, Gen.OneOf(0, -1)))
        from maxEvaluations in Gen.Frequency((8, Gen.Const(int.MaxValue)), (2, Gen.Int[1, 200]), (1, Gen.OneOf(0, -5)))
        from memory in Gen.Frequency((8, Gen.Const(10)), (1, Gen.OneOf(0, 1, -1)))
        from armijo in Gen.Frequency((8, Gen.Const(1e-4)), (1, Gen.OneOf(0.0, 0.95, double.NaN, 1.0)))
        from curvature in Gen.Frequency((8, Gen.Const(0.9)), (1, Gen.OneOf(1e-5, 1.0, double.NaN)))
        from bounds in Gen.Frequency((10, Gen.Const(false)), (1, Gen.Const(true)))
        select new MinimizeCase(function, x0, method, lineSearch, rate, fraction, tolerance, maxIterations, maxEvaluations, memory, armijo, curvature, bounds);

    [Fact]
    public void MinimizeKeepsItsContract() => Property.Check(nameof(MinimizeKeepsItsContract), Minimizations, c =>
    {
        var options = new OptimizerOptions
        {
            Method = (OptimizationMethod)c.Method, LineSearch = (LineSearchMethod)c.LineSearch, LearningRate = c.LearningRate,
            Momentum = c.Fraction, Beta1 = c.Fraction, GradientTolerance = c.Tolerance, MaxIterations = c.MaxIterations,
            MaxEvaluations = c.MaxEvaluations, Memory = c.Memory, ArmijoParameter = c.Armijo, CurvatureParameter = c.Curvature,
            Differentiation = c.Bounds ? new DifferentiationOptions { LowerBounds = c.X0.Select(_ => -10.0).ToArray() } : null,
        };
        string[] names =
        [
            "f", "objective", "x0", "options", "Method", "LineSearch", "LearningRate", "Momentum", "Beta1", "Beta2", "DecayRate", "Epsilon",
            "WeightDecay", "Memory", "ArmijoParameter", "CurvatureParameter", "GradientTolerance", "FunctionTolerance", "StepTolerance",
            "MaxIterations", "MaxEvaluations", "Differentiation", .. DifferentiationNames,
        ];
        double[][] arrays = [(double[])c.X0.Clone()];
        Contract.Check(arrays, [new Region(0, 0, c.X0.Length)], [], names, (a, _) =>
        {
            using var cancel = new CancellationTokenSource();
            var result = Optimize.Minimize(c.Function.ScalarFunction(cancel)!, a[0], options, cancel.Token);
            // Whatever stopped it, the result is an iterate f was evaluated at: finite.
            Assert.True(result.X.All(double.IsFinite), $"the result's iterate {Describe.Value(result.X)} is not finite ({result.Reason})");
        }, c.Function.Own, Contract.OneCall);
    }, cases: 400);

    internal enum AnalyticKind
    {
        Right,
        Wrong,
        Throws,
        WritesNaN,
        Null,
    }

    internal sealed record CheckCase(int Entry, UserFunction Function, AnalyticKind Analytic, double[] X, int Outputs, double Absolute,
        double Relative, int Worst, int? Directions);

    private static readonly Gen<CheckCase> Checks =
        from entry in Gen.Int[0, 2]
        from function in UserFunction.Any
        from analytic in Gen.Frequency((6, Gen.Const(AnalyticKind.Right)), (2, Gen.Const(AnalyticKind.Wrong)), (1, Gen.Const(AnalyticKind.Throws)),
            (1, Gen.Const(AnalyticKind.WritesNaN)), (1, Gen.Const(AnalyticKind.Null)))
        from n in Gen.Frequency((10, Gen.Int[1, 4]), (1, Gen.Const(0)))
        from x in Inputs.Array(n, Gen.Frequency((10, Gen.Double[-3, 3]), (1, Value)))
        from outputs in Gen.Frequency((8, Gen.Int[1, 3]), (1, Gen.OneOf(0, -1)))
        from absolute in Gen.Frequency((8, Gen.Const(1e-6)), (1, Gen.OneOf(Special)))
        from relative in Gen.Frequency((8, Gen.Const(1e-5)), (1, Gen.OneOf(Special)))
        from worst in Gen.Frequency((8, Gen.Int[0, 5]), (1, Gen.OneOf(-1, int.MinValue)))
        from directions in Gen.Frequency((6, Gen.Const((int?)null)), (2, Gen.Int[1, 4].Select(d => (int?)d)), (1, Gen.OneOf<int?>(0, -1)))
        select new CheckCase(entry, function, analytic, x, outputs, absolute, relative, worst, directions);

    [Fact]
    public void GradientCheckKeepsItsContract() => Property.Check(nameof(GradientCheckKeepsItsContract), Checks, c =>
    {
        var options = new GradientCheckOptions { AbsoluteTolerance = c.Absolute, RelativeTolerance = c.Relative, WorstCount = c.Worst, Directions = c.Directions };
        double[][] arrays = [(double[])c.X.Clone()];
        var own = c.Function.Own;
        Contract.Check(arrays, [new Region(0, 0, c.X.Length)], [], ["f", "gradient", "jacobian", "backward", "outputs", "options", "x", .. DifferentiationNames], (a, _) =>
        {
            using var cancel = new CancellationTokenSource();
            var value = c.Function.Scalar(cancel);
            // The analytic derivative of f(x) = Σ aᵢxᵢ² + sin(bᵢxᵢ) per output row (Smooth), 0 for a constant.
            void Row(ReadOnlySpan<double> x, Span<double> g, double factor)
            {
                for (var i = 0; i < x.Length; i++)
                {
                    var ai = c.Function.Coefficients[(2 * i) % 8];
                    var bi = c.Function.Coefficients[(2 * i + 1) % 8];
                    g[i] = c.Function.Kind == FunctionKind.Constant ? 0 : factor * (2 * ai * x[i] + bi * Math.Cos(bi * x[i]));
                    if (c.Analytic == AnalyticKind.Wrong) g[i] = 2 * g[i] + 1;
                    if (c.Analytic == AnalyticKind.WritesNaN) g[i] = double.NaN;
                }
                if (c.Analytic == AnalyticKind.Throws) throw own;
            }
            double Factor(int k) => 1 + k * c.Function.Coefficients[1];
            GradientCheckReport report;
            switch (c.Entry)
            {
                case 0:
                    report = GradientCheck.Gradient(c.Function.ScalarFunction(cancel)!,
                        c.Analytic == AnalyticKind.Null ? null! : (x, g) => Row(x, g, 1), a[0], options);
                    break;
                case 1:
                    report = GradientCheck.Jacobian(c.Function.VectorFunction(cancel)!, c.Outputs, c.Analytic == AnalyticKind.Null ? null! : (x, j) =>
                    {
                        for (var k = 0; k < c.Outputs; k++) Row(x, j.Slice(k * x.Length, x.Length), Factor(k));
                    }, a[0], options);
                    break;
                default:
                    report = GradientCheck.Backward(c.Function.VectorFunction(cancel)!, c.Outputs, c.Analytic == AnalyticKind.Null ? null! : (x, up, g) =>
                    {
                        Span<double> row = stackalloc double[x.Length];
                        g.Clear();
                        for (var k = 0; k < c.Outputs; k++)
                        {
                            Row(x, row, Factor(k));
                            for (var i = 0; i < x.Length; i++) g[i] += up[k] * row[i];
                        }
                    }, a[0], options);
                    break;
            }
            GC.KeepAlive(value);
            Assert.NotNull(report);
        }, own, Contract.OneCall);
    }, cases: 600);
}
