namespace DiffNative.MachineLearning;

/// <summary>Checks hand-written gradients, Jacobians and backward passes against this library's
/// finite differences (<see cref="Differentiate.Gradient(ScalarFunction, ReadOnlySpan{double}, DifferentiationOptions?, CancellationToken)"/>,
/// <see cref="Differentiate.Jacobian(VectorFunction, int, ReadOnlySpan{double}, DifferentiationOptions?, CancellationToken)"/>),
/// as PyTorch's gradcheck does, and reports the worst entries by name. Checking code, not hot
/// code: it allocates. The float overloads check float functions: f and its derivative run in
/// float, the finite differences are taken at points rounded to float with steps sized for float
/// rounding, and entries are compared with <see cref="GradientCheckOptions.Float"/>'s tolerances
/// unless other options are given; each is the double check of the float function seen from
/// double (points rounded to float, results widened).</summary>
public static partial class GradientCheck
{
    /// <summary>Compares <paramref name="gradient"/> with the numeric gradient of f at x.</summary>
    public static GradientCheckReport Gradient(ScalarFunction f, AnalyticGradient gradient, ReadOnlySpan<double> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradient);
        return CheckGradient(f, gradient.Invoke, x, options);
    }

    /// <summary>Compares a float <paramref name="gradient"/> with the numeric gradient of the float
    /// function f at x. Options default to <see cref="GradientCheckOptions.Float"/>; the steps are
    /// always float-sized (<see cref="NumericPrecision.Single"/>).</summary>
    public static GradientCheckReport Gradient(FloatScalarFunction f, FloatAnalyticGradient gradient, ReadOnlySpan<float> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(gradient);
        return CheckGradient(p => f(Narrow(p)), Widened(gradient.Invoke), Widen(x), AsFloat(options));
    }

    /// <summary>Compares <paramref name="jacobian"/> (row-major m×n) with the numeric Jacobian of f.</summary>
    public static GradientCheckReport Jacobian(VectorFunction f, int outputs, AnalyticJacobian jacobian, ReadOnlySpan<double> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(jacobian);
        return CheckJacobian(f, outputs, jacobian.Invoke, x, options);
    }

    /// <summary>Compares a float <paramref name="jacobian"/> (row-major m×n) with the numeric
    /// Jacobian of the float function f; options as for the float <c>Gradient</c>.</summary>
    public static GradientCheckReport Jacobian(FloatVectorFunction f, int outputs, FloatAnalyticJacobian jacobian, ReadOnlySpan<float> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(jacobian);
        return CheckJacobian(Widened(f.Invoke), outputs, Widened(jacobian.Invoke), Widen(x), AsFloat(options));
    }

    /// <summary>Checks a backward pass (gradient = Jᵀ·upstream): in full mode by calling it with
    /// each unit upstream vector eₖ, which yields row k of J, and comparing with the numeric
    /// Jacobian; in the fast mode by comparing (Jᵀv)·u with the directional derivative.</summary>
    public static GradientCheckReport Backward(VectorFunction f, int outputs, BackwardPass backward, ReadOnlySpan<double> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(backward);
        return CheckBackward(f, outputs, backward, x, options);
    }

    /// <summary>Checks a float backward pass (gradient = Jᵀ·upstream) against the numeric Jacobian
    /// of the float function f, as the double <c>Backward</c> does; options as for the float
    /// <c>Gradient</c>. In the fast mode the random upstream vectors are rounded to float.</summary>
    public static GradientCheckReport Backward(FloatVectorFunction f, int outputs, FloatBackwardPass backward, ReadOnlySpan<float> x,
        GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(backward);
        return CheckBackward(Widened(f.Invoke), outputs, (p, upstream, g) =>
        {
            var result = NaNs<float>(g.Length);
            backward(Narrow(p), Narrow(upstream), result);
            Widen(result, g);
        }, Widen(x), AsFloat(options));
    }

    // One check per kind for both element types: a float function arrives seen from double.
    // VectorFunction is the shape of every map here: a function, a gradient or a Jacobian fills
    // its output span from x.

    private static GradientCheckReport CheckGradient(ScalarFunction f, VectorFunction gradient, ReadOnlySpan<double> x,
        GradientCheckOptions? options) =>
        Check(x, 1, Validate(options), (point, y) => y[0] = f(point), gradient,
            (point, numericOptions) => Differentiate.Gradient(f, point, numericOptions),
            (point, v, u) => { var g = NaNs<double>(point.Length); gradient(point, g); return v[0] * Dot(g, u); });

    private static GradientCheckReport CheckJacobian(VectorFunction f, int outputs, VectorFunction jacobian, ReadOnlySpan<double> x,
        GradientCheckOptions? options)
    {
        RequireOutputs(outputs);
        return Check(x, outputs, Validate(options), f, jacobian,
            (point, numericOptions) => Differentiate.Jacobian(f, outputs, point, numericOptions),
            (point, v, u) =>
            {
                var j = NaNs<double>(outputs * point.Length);
                jacobian(point, j);
                var sum = 0.0;
                for (var k = 0; k < outputs; k++) sum += v[k] * Dot(j.AsSpan(k * point.Length, point.Length), u);
                return sum;
            });
    }

    private static GradientCheckReport CheckBackward(VectorFunction f, int outputs, BackwardPass backward, ReadOnlySpan<double> x,
        GradientCheckOptions? options)
    {
        RequireOutputs(outputs);
        return Check(x, outputs, Validate(options), f,
            (point, analytic) =>
            {
                var n = point.Length;
                var unit = new double[outputs];
                for (var k = 0; k < outputs; k++)
                {
                    unit[k] = 1.0;
                    backward(point, unit, analytic.Slice(k * n, n));
                    unit[k] = 0.0;
                }
            },
            (point, numericOptions) => Differentiate.Jacobian(f, outputs, point, numericOptions),
            (point, v, u) => { var g = NaNs<double>(point.Length); backward(point, v, g); return Dot(g, u); });
    }

    /// <summary>The check itself. <paramref name="analyticMatrix"/> fills the outputs×n analytic
    /// matrix at x; <paramref name="numeric"/> differentiates f at a point with given options;
    /// <paramref name="analyticProduct"/> is vᵀJu from the analytic side, for the fast mode.</summary>
    private static GradientCheckReport Check(ReadOnlySpan<double> x, int outputs, GradientCheckOptions options, VectorFunction f,
        VectorFunction analyticMatrix, Func<double[], DifferentiationOptions, DerivativeArray> numeric,
        Func<double[], double[], double[], double> analyticProduct)
    {
        if (options.Directions is { } directions)
            return Directional(x, outputs, directions, options, f, analyticProduct);
        var analytic = NaNs<double>(outputs * x.Length);
        analyticMatrix(x, analytic);
        var point = x.ToArray();
        var values = numeric(point, NumericOptions(options, x)).Values;
        var allowance = Recheck(analytic, values, options, adaptive => numeric(point, adaptive));
        return Compare(analytic, values, x.Length, options, allowance: allowance);
    }

    private static GradientCheckOptions AsFloat(GradientCheckOptions? options) =>
        options is null ? GradientCheckOptions.Float
        : options.Precision == NumericPrecision.Single ? options
        : options with { Precision = NumericPrecision.Single };

    /// <summary>A float map seen from double: the point rounded to float, the result widened.</summary>
    private static VectorFunction Widened(FloatMap map) => (p, output) =>
    {
        var result = NaNs<float>(output.Length);
        map(Narrow(p), result);
        Widen(result, output);
    };

    /// <summary>The shape of the float function, gradient and Jacobian delegates.</summary>
    private delegate void FloatMap(ReadOnlySpan<float> x, Span<float> output);

    /// <summary>A buffer for a user function to write: NaN until written, so that an output the
    /// function leaves unwritten fails the check instead of passing as 0.</summary>
    private static T[] NaNs<T>(int length) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var result = new T[length];
        Array.Fill(result, T.NaN);
        return result;
    }

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
