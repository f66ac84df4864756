using CsCheck;
using static DiffNative.Tests.Properties.Inputs;

namespace DiffNative.Tests.Properties;

/// <summary>Properties of <see cref="Differentiate"/> over generated functions (smooth, constant,
/// throwing, NaN, cancelling, null), points, options and outputs: the <see cref="Contract"/>
/// (every backend of <see cref="DifferentiationOptions.Backend"/>), exactness on polynomials,
/// exact zeros for constants, and the gradient of a sum.</summary>
public class DifferentiateProperties
{
    internal sealed record ScalarCase(UserFunction Function, double X, int Order, int Method, int? Accuracy, double? Step, double TypicalScale, bool Check);

    private static readonly string[] ScalarNames = ["f", "x", "options", "Order", "Method", "Accuracy", "Step", "TypicalScale"];

    private static readonly Gen<ScalarCase> Scalars =
        from function in UserFunction.Any
        from x in Gen.Frequency((8, FinitePoint), (1, Gen.OneOf(Special)))
        from order in Order
        from method in Gen.Frequency((8, Gen.Int[0, 4]), (1, Gen.OneOf(-1, 5, 99)))
        from accuracy in Gen.Frequency((2, Gen.Const((int?)null)), (5, Accuracy.Select(a => (int?)a)))
        from step in Gen.Frequency((3, Gen.Const((double?)null)), (2, Step.Select(s => (double?)s)))
        from scale in Gen.Frequency((4, Gen.Const(1.0)), (1, Step))
        from check in Gen.Bool
        select new ScalarCase(function, x, order, method, accuracy, step, scale, check);

    [Fact]
    public void ScalarDerivativeKeepsItsContract() => Property.Check(nameof(ScalarDerivativeKeepsItsContract), Scalars, c =>
    {
        var options = new DerivativeOptions
        {
            Order = c.Order, Method = (DerivativeMethod)c.Method, Accuracy = c.Accuracy, Step = c.Step,
            TypicalScale = c.TypicalScale, CheckDifferentiability = c.Check,
        };
        Contract.Check([], [], [], ScalarNames, (_, _) =>
        {
            using var cancel = new CancellationTokenSource();
            Differentiate.Derivative(c.Function.Real(cancel)!, c.X, options);
        }, c.Function.Own, Contract.OneCall);
    }, cases: 1_200);

    internal sealed record PolynomialCase(double[] Coefficients, int Order, DerivativeMethod Method, int Accuracy, int StepExponent, int X8, bool Check);

    /// <summary>Fixed-step stencils of accuracy p have at least p + 1 points, so they differentiate
    /// polynomials of degree ≤ p exactly; with a step of 2^−k and x a multiple of 1/8 every point
    /// x + jh is exact, leaving only the rounding of f and of the weighted sum.</summary>
    private static readonly Gen<PolynomialCase> Polynomials =
        from method in Gen.OneOf(DerivativeMethod.Central, DerivativeMethod.Forward, DerivativeMethod.Backward)
        from accuracy in method == DerivativeMethod.Central ? Gen.OneOf(2, 4, 6, 8) : Gen.Int[1, 6]
        from order in Gen.Int[1, 4]
        from degree in Gen.Int[0, accuracy]
        from coefficients in Gen.Int[-3, 3].Select(i => (double)i).Array[degree + 1]
        from exponent in Gen.Int[1, 5]
        from x8 in Gen.Int[-16, 16]
        from check in Gen.Bool
        select new PolynomialCase(coefficients, order, method, accuracy, exponent, x8, check);

    [Fact]
    public void FixedStepDerivativeIsExactOnPolynomials() => Property.Check(nameof(FixedStepDerivativeIsExactOnPolynomials), Polynomials, c =>
    {
        var h = Math.ScaleB(1.0, -c.StepExponent);
        var x = c.X8 / 8.0;
        var result = Differentiate.Derivative(v => Polynomial.Value(c.Coefficients, v), x,
            new DerivativeOptions { Order = c.Order, Method = c.Method, Accuracy = c.Accuracy, Step = h, CheckDifferentiability = c.Check });
        var expected = Polynomial.Value(Polynomial.Derivative(c.Coefficients, c.Order), x);
        // f is evaluated within 12 steps of x; the weights of these stencils sum in magnitude below 2^14.
        var scale = Polynomial.AbsoluteValue(c.Coefficients, Math.Abs(x) + 12 * h);
        var tolerance = 64 * Math.ScaleB(1.0, 14) * Math.ScaleB(scale, -52) / Math.Pow(h, c.Order);
        Assert.True(Math.Abs(result.Value - expected) <= tolerance,
            $"d^{c.Order}/dx^{c.Order} at {x} is {result.Value:R}, expected {expected:R} (tolerance {tolerance:G3}, step {result.Step:R})");
    }, cases: 1_000);

    internal sealed record ConstantCase(double Value, double X, int Order, DerivativeMethod Method, int? Accuracy, double? Step, bool Check);

    private static readonly Gen<ConstantCase> Constants =
        from value in Gen.Frequency((4, Gen.Double[-1e3, 1e3]), (1, LogUniform(-300, 300, signed: true)), (1, Gen.OneOf(0.0, -0.0)))
        from x in FinitePoint
        from method in Gen.OneOf(DerivativeMethod.Central, DerivativeMethod.Forward, DerivativeMethod.Backward, DerivativeMethod.Adaptive)
        from order in Gen.Int[1, 4]
        from accuracy in method is DerivativeMethod.Forward or DerivativeMethod.Backward
            ? Gen.Int[1, 6].Select(a => (int?)a)
            : Gen.OneOf<int?>(null, 2, 4, 6, 8)
        from step in Gen.Frequency((2, Gen.Const((double?)null)), (1, LogUniform(-30, 4, signed: false).Select(s => (double?)s)))
        from check in Gen.Bool
        select new ConstantCase(value, x, order, method, accuracy, step, check);

    /// <summary>Every evaluation of a constant returns the same bits, so every difference, and
    /// with it every derivative, is exactly 0.</summary>
    [Fact]
    public void ConstantHasExactlyZeroDerivative() => Property.Check(nameof(ConstantHasExactlyZeroDerivative), Constants, c =>
    {
        var result = Differentiate.Derivative(_ => c.Value, c.X,
            new DerivativeOptions { Order = c.Order, Method = c.Method, Accuracy = c.Accuracy, Step = c.Step, CheckDifferentiability = c.Check });
        Assert.True(result.Value == 0, $"the derivative of the constant {c.Value:R} is {result.Value:R} ({result.Status})");
    }, cases: 1_000);

    internal enum Entry
    {
        Gradient,
        GradientWithErrors,
        Jacobian,
        Hessian,
        HessianDiagonal,
        HessianVectorProduct,
        DirectionalDerivative,
    }

    internal sealed record MultiCase(Entry Entry, UserFunction Function, double[] X, double[] V, int Outputs, Options Options, int Slack, Placement Placement, int Shift);

    internal sealed record Options(int Scheme, int Accuracy, bool Adaptive, bool Check, double[] Steps, double[] Scales, double[] Lower, double[] Upper,
        bool Parallel, int? Threads, int BatchSize)
    {
        internal DifferentiationOptions With(Backend backend) => new()
        {
            Scheme = (DifferenceScheme)Scheme, Accuracy = Accuracy, Adaptive = Adaptive, CheckDifferentiability = Check,
            Steps = Steps, TypicalScales = Scales, LowerBounds = Lower, UpperBounds = Upper,
            Parallel = Parallel, MaxDegreeOfParallelism = Threads, BatchSize = BatchSize, Backend = backend,
        };
    }

    private static readonly string[] MultiNames =
    [
        "f", "x", "v", "outputs", "options", "gradient", "errors", "jacobian", "hessian", "diagonal", "product",
        "Scheme", "Accuracy", "BatchSize", "MaxDegreeOfParallelism", "Steps", "TypicalScales", "LowerBounds", "UpperBounds",
        "Order", "Method", "Step", "TypicalScale",
    ];

    /// <summary>An optional per-coordinate array: empty mostly, else of length n (sometimes not).</summary>
    private static Gen<double[]> PerCoordinate(int n, Gen<double> values) => Gen.Frequency(
        (8, Gen.Const(System.Array.Empty<double>())),
        (3, Inputs.Array(n, values)),
        (1, Gen.Int[0, n + 2].SelectMany(m => Inputs.Array(m, values))));

    private static Gen<Options> OptionsFor(int n) =>
        from scheme in Gen.Frequency((12, Gen.Int[0, 2]), (1, Gen.OneOf(-1, 3)))
        from accuracy in Gen.Frequency((10, scheme == 0 ? Gen.OneOf(2, 4, 6, 8) : Gen.Int[1, 6]), (1, Accuracy))
        from adaptive in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        from check in Gen.Bool
        from steps in PerCoordinate(n, Gen.Frequency((6, LogUniform(-20, 0, signed: false)), (1, Step)))
        from scales in PerCoordinate(n, Gen.Frequency((6, LogUniform(-10, 10, signed: false)), (1, Step)))
        from lower in PerCoordinate(n, Gen.Frequency((3, Gen.Double[-20, -5]), (1, Value)))
        from upper in PerCoordinate(n, Gen.Frequency((3, Gen.Double[5, 20]), (1, Value)))
        from parallel in Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)))
        from threads in Gen.Frequency((8, Gen.Const((int?)null)), (2, Gen.OneOf<int?>(1, 2)), (1, Gen.OneOf<int?>(-1, 0)))
        from batch in Gen.Frequency((12, Gen.Const(1024)), (2, Gen.OneOf(1, 3)), (1, Gen.OneOf(-1, 0)))
        select new Options(scheme, accuracy, adaptive, check, steps, scales, lower, upper, parallel, threads, batch);

    private static readonly Gen<MultiCase> Multis =
        from entry in Gen.Enum<Entry>()
        from function in UserFunction.Any.Where(f => f.Kind != FunctionKind.Null || f.FailAfter == 0)
        from n in Gen.Frequency((10, Gen.Int[1, 6]), (1, Gen.OneOf(0, 12, 40)))
        from x in Inputs.Array(n, Gen.Frequency((10, Gen.Double[-4, 4]), (1, Value)))
        from vLength in Gen.Frequency((8, Gen.Const(n)), (1, Gen.Int[0, n + 1]))
        from v in Inputs.Array(vLength, Gen.Frequency((10, Gen.Double[-2, 2]), (1, Value)))
        from outputs in Gen.Frequency((6, Gen.Int[1, 3]), (1, Gen.OneOf(0, -1)))
        from options in OptionsFor(n)
        from slack in Slack
        from placement in OutputPlacement
        from shift in Gen.Int[0, 100]
        select new MultiCase(entry, function, x, v, outputs, options, slack, placement, shift);

    private static int OutputLength(MultiCase c) => c.Entry switch
    {
        Entry.Jacobian => Math.Max(0, c.Outputs) * c.X.Length,
        Entry.Hessian => c.X.Length * c.X.Length,
        Entry.DirectionalDerivative => 0,
        _ => c.X.Length,
    };

    /// <summary>Outputs may be written when f throws or cancels halfway: the fixed-step gradient's
    /// differentiability check and the adaptive second derivatives evaluate f after writing
    /// (DifferentiateKeptCases); argument errors must leave them untouched.</summary>
    [Fact]
    public void MultivariateDerivativesKeepTheirContract() => Property.Check(nameof(MultivariateDerivativesKeepTheirContract), Multis, c =>
    {
        var (arrays, x, output) = Contract.Place(c.X, OutputLength(c) + c.Slack, c.Placement, c.Shift);
        var errors = new Region(arrays.Length, 0, Math.Max(0, OutputLength(c) + c.Slack));
        var v = new Region(arrays.Length + 1, 0, c.V.Length);
        arrays = [.. arrays, Contract.Sentinels(errors.Length), (double[])c.V.Clone()];
        Contract.Check(arrays, [x, v], c.Entry == Entry.GradientWithErrors ? [output, errors] : [output], MultiNames, (a, backend) =>
        {
            using var cancel = new CancellationTokenSource();
            var options = c.Options.With(backend);
            var f = c.Function.ScalarFunction(cancel)!;
            switch (c.Entry)
            {
                case Entry.Gradient:
                    Differentiate.Gradient(f, x.Of(a), output.Of(a), options, cancel.Token);
                    break;
                case Entry.GradientWithErrors:
                    Differentiate.Gradient(f, x.Of(a), output.Of(a), options, cancel.Token, errors: errors.Of(a));
                    break;
                case Entry.Jacobian:
                    Differentiate.Jacobian(c.Function.VectorFunction(cancel)!, c.Outputs, x.Of(a), output.Of(a), options, cancel.Token);
                    break;
                case Entry.Hessian:
                    Differentiate.Hessian(f, x.Of(a), output.Of(a), options, cancel.Token);
                    break;
                case Entry.HessianDiagonal:
                    Differentiate.HessianDiagonal(f, x.Of(a), output.Of(a), options, cancel.Token);
                    break;
                case Entry.HessianVectorProduct:
                    Differentiate.HessianVectorProduct(f, x.Of(a), v.Of(a), output.Of(a), options, cancel.Token);
                    break;
                case Entry.DirectionalDerivative:
                    Differentiate.DirectionalDerivative(f, x.Of(a), v.Of(a));
                    break;
            }
        }, c.Function.Own, untouchedOnFault: false);
    }, cases: 1_200);

    internal sealed record SumCase(double[] X, double[] A, double[] B, int Scheme, int Accuracy);

    private static readonly Gen<SumCase> Sums =
        from n in Gen.Int[1, 8]
        from x in Gen.Double[-4, 4].Array[n]
        from a in Gen.Double[-3, 3].Array[n]
        from b in Gen.Double[-3, 3].Array[n]
        from scheme in Gen.Int[0, 2]
        from accuracy in scheme == 0 ? Gen.OneOf(2, 4, 6, 8) : Gen.Int[1, 6]
        select new SumCase(x, a, b, scheme, accuracy);

    /// <summary>The gradient of f + g is the gradient of f plus that of g: the steps depend on x
    /// only (no differentiability recheck), so the two differ only by the rounding of each value
    /// (an ulp of |f| + |g| per evaluation, times Σ|w| ≤ 2^4, over the smallest default step,
    /// above 2^−18 for |x| ≤ 4).</summary>
    [Fact]
    public void GradientOfASumIsTheSumOfGradients() => Property.Check(nameof(GradientOfASumIsTheSumOfGradients), Sums, c =>
    {
        double F(ReadOnlySpan<double> x)
        {
            var s = 0.0;
            for (var i = 0; i < x.Length; i++) s += c.A[i] * x[i] * x[i];
            return s;
        }
        double G(ReadOnlySpan<double> x)
        {
            var s = 0.0;
            for (var i = 0; i < x.Length; i++) s += Math.Sin(c.B[i] * x[i]);
            return s;
        }
        var options = new DifferentiationOptions { Scheme = (DifferenceScheme)c.Scheme, Accuracy = c.Accuracy, CheckDifferentiability = false };
        var sum = Differentiate.Gradient(x => F(x) + G(x), c.X, options).Values;
        var f = Differentiate.Gradient(F, c.X, options).Values;
        var g = Differentiate.Gradient(G, c.X, options).Values;
        var magnitude = Math.Abs(F(c.X)) + c.X.Length + c.A.Sum(Math.Abs) * 32;
        var tolerance = 4 * Math.ScaleB(magnitude, -52) * 16 * Math.ScaleB(1.0, 18);
        for (var i = 0; i < c.X.Length; i++)
            Assert.True(Math.Abs(sum[i] - (f[i] + g[i])) <= tolerance,
                $"∂(f+g)/∂x{i} = {sum[i]:R}, ∂f/∂x{i} + ∂g/∂x{i} = {f[i] + g[i]:R} (tolerance {tolerance:G3})");
    }, cases: 600);
}
