namespace DiffNative;

// The float overloads: f and its derivative run in float, the finite differences are taken at
// points rounded to float with steps sized for float rounding, and entries are compared with
// GradientCheckOptions.Float's tolerances unless other options are given.
public static partial class GradientCheck
{
    /// <summary>Compares a float <paramref name="gradient"/> with the numeric gradient of the float
    /// function f at x. Options default to <see cref="GradientCheckOptions.Float"/>; the steps are
    /// always float-sized (<see cref="NumericPrecision.Single"/>).</summary>
    public static GradientCheckReport Gradient(FloatScalarFunction f, FloatAnalyticGradient gradient, ReadOnlySpan<float> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradient);
        return Gradient(p => f(Narrow(p)), (p, g) =>
        {
            var result = new float[p.Length];
            gradient(Narrow(p), result);
            Widen(result, g);
        }, Widen(x), AsFloat(options));
    }

    /// <summary>Compares a float <paramref name="jacobian"/> (row-major m×n) with the numeric
    /// Jacobian of the float function f; options as for the float <c>Gradient</c>.</summary>
    public static GradientCheckReport Jacobian(FloatVectorFunction f, int outputs, FloatAnalyticJacobian jacobian, ReadOnlySpan<float> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(jacobian);
        return Jacobian(AsDouble(f, outputs), outputs, (p, j) =>
        {
            var result = new float[j.Length];
            jacobian(Narrow(p), result);
            Widen(result, j);
        }, Widen(x), AsFloat(options));
    }

    /// <summary>Checks a float backward pass (gradient = Jᵀ·upstream) against the numeric Jacobian
    /// of the float function f, as the double <c>Backward</c> does; options as for the float
    /// <c>Gradient</c>. In the fast mode the random upstream vectors are rounded to float.</summary>
    public static GradientCheckReport Backward(FloatVectorFunction f, int outputs, FloatBackwardPass backward, ReadOnlySpan<float> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(backward);
        return Backward(AsDouble(f, outputs), outputs, (p, upstream, g) =>
        {
            var result = new float[p.Length];
            backward(Narrow(p), Narrow(upstream), result);
            Widen(result, g);
        }, Widen(x), AsFloat(options));
    }

    /// <summary>ε_f^(1/(p+1)): the relative step that balances truncation (∝ hᵖ) against float
    /// rounding of f (∝ ε_f/h) for central differences of accuracy p.</summary>
    internal static double FloatStepBase(int accuracy) => Math.Pow(Math.ScaleB(1.0, -23), 1.0 / (accuracy + 1));

    /// <summary>The differentiation options for the numeric side: float-sized steps when the
    /// function computes in float and no steps were given, the caller's options otherwise.</summary>
    private static DifferentiationOptions NumericOptions(GradientCheckOptions options, ReadOnlySpan<double> x)
    {
        var differentiation = options.Differentiation;
        if (options.Precision != NumericPrecision.Single || !differentiation.Steps.IsEmpty)
            return differentiation;
        var scales = differentiation.TypicalScales.Span;
        var steps = new double[x.Length];
        var baseStep = FloatStepBase(differentiation.Accuracy);
        for (var i = 0; i < x.Length; i++)
        {
            var h = baseStep * Math.Max(Math.Abs(x[i]), scales.IsEmpty ? 1.0 : scales[i]);
            // x + h a float where it can be, so the point the function sees is the point differenced
            var rounded = (double)(float)(x[i] + h) - x[i];
            steps[i] = rounded > 0 && double.IsFinite(rounded) ? rounded : h;
        }
        return differentiation with { Steps = steps };
    }

    private static double MaxAbs(ReadOnlySpan<double> values, double floor)
    {
        var max = floor;
        foreach (var v in values) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    private static GradientCheckOptions AsFloat(GradientCheckOptions? options) =>
        options is null ? GradientCheckOptions.Float
        : options.Precision == NumericPrecision.Single ? options
        : options with { Precision = NumericPrecision.Single };

    private static VectorFunction AsDouble(FloatVectorFunction f, int outputs) => (p, y) =>
    {
        var result = new float[outputs];
        f(Narrow(p), result);
        Widen(result, y);
    };

    private static float[] Narrow(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = (float)values[i];
        return result;
    }

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        Widen(values, result);
        return result;
    }

    private static void Widen(ReadOnlySpan<float> values, Span<double> destination)
    {
        for (var i = 0; i < values.Length; i++) destination[i] = values[i];
    }
}
