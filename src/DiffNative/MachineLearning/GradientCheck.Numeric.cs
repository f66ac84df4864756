namespace DiffNative.MachineLearning;

// The numeric side of the check: the fast directional mode, the adaptive recheck, float-sized
// steps, and the comparison that makes the report.
public static partial class GradientCheck
{
    /// <summary>The fast mode: for random u (inputs) and v (outputs), vᵀJu from the analytic side
    /// against d/dt vᵀf(x + tu) at 0 from the scalar engine.</summary>
    private static GradientCheckReport Directional(ReadOnlySpan<double> x, int outputs, int directions, GradientCheckOptions options,
        VectorFunction f, Func<double[], double[], double[], double> analyticProduct)
    {
        var random = new Random(options.Seed);
        var point = x.ToArray();
        var values = new double[outputs];
        var numeric = new double[directions];
        var analytic = new double[directions];
        var accuracy = options.Differentiation.Accuracy;
        // Only the value is compared, so the kink check's evaluations would buy nothing.
        var scalarOptions = new DerivativeOptions { Method = DerivativeMethod.Central, Accuracy = accuracy, CheckDifferentiability = false };
        var adaptiveOptions = new DerivativeOptions { CheckDifferentiability = false };
        double[]? allowance = null;
        for (var d = 0; d < directions; d++)
        {
            var u = Normals(random, point.Length);
            var v = Normals(random, outputs);
            if (options.Precision == NumericPrecision.Single)
                scalarOptions = scalarOptions with { Step = FloatStepBase(accuracy) * MaxAbs(point, 1.0) / MaxAbs(u, double.Epsilon) };
            analytic[d] = analyticProduct(point, v, u);
            // values is reused across calls: NaN first, so an output f leaves unwritten is NaN, not the last call's.
            ScalarFunction line = p => { Array.Fill(values, double.NaN); f(p, values); return Dot(values, v); };
            numeric[d] = Differentiate.DirectionalDerivative(line, point, u, scalarOptions).Value;
            // As Recheck does for full checks: a direction that fails in double precision is taken
            // again adaptively before it counts against the analytic side.
            if (options.Precision == NumericPrecision.Double
                && !Within(analytic[d], numeric[d], options))
            {
                var again = Differentiate.DirectionalDerivative(line, point, u, adaptiveOptions);
                if (double.IsFinite(again.Value))
                {
                    numeric[d] = again.Value;
                    allowance ??= new double[directions];
                    allowance[d] = again.Status == DerivativeStatus.Ok && again.Error is { } e ? 2 * e : 0;
                }
            }
        }
        return Compare(analytic, numeric, directions, options, directional: true, allowance: allowance);
    }

    /// <summary>A fixed step cannot know the scale f varies on: 1/x at 0.01, log x at 1e-3, √x at
    /// 1e-4 and sin(100x) are all off by more than the tolerance at the default steps, although the
    /// analytic side is right. So when an entry fails in double precision, the whole numeric side is
    /// taken again by the adaptive engine (which restarts from smaller steps where it must), and each
    /// failing entry is judged on the adaptive value with its error estimate added to the
    /// tolerance. A planted bug (an entry 1e-3 off, a sign, a factor 2) stays far outside. Returns
    /// the extra allowance per entry, or null when nothing was rechecked.</summary>
    private static double[]? Recheck(double[] analytic, double[] numeric, GradientCheckOptions options,
        Func<DifferentiationOptions, DerivativeArray> adaptive)
    {
        if (options.Precision != NumericPrecision.Double) return null;
        var failing = false;
        for (var i = 0; i < analytic.Length && !failing; i++)
            failing = !Within(analytic[i], numeric[i], options);
        if (!failing) return null;
        var result = adaptive(options.Differentiation with { Adaptive = true });
        var allowance = new double[analytic.Length];
        for (var i = 0; i < analytic.Length; i++)
        {
            if (Within(analytic[i], numeric[i], options)) continue;
            if (!double.IsFinite(result.Values[i])) continue;
            numeric[i] = result.Values[i];
            // An estimate the extrapolation could not settle allows nothing: the entry is judged
            // on the value alone rather than passed on a large error bar.
            allowance[i] = result.Status == DerivativeStatus.Ok && result.Errors is { } errors ? 2 * errors[i] : 0;
        }
        return allowance;
    }

    /// <summary>|analytic − numeric| ≤ atol + rtol·|numeric|, numpy's isclose.</summary>
    private static bool Within(double analytic, double numeric, GradientCheckOptions options) =>
        Math.Abs(analytic - numeric) <= options.AbsoluteTolerance + options.RelativeTolerance * Math.Abs(numeric);

    private static GradientCheckReport Compare(double[] analytic, double[] numeric, int columns, GradientCheckOptions options,
        bool directional = false, double[]? allowance = null)
    {
        var entries = new List<(GradientCheckEntry Entry, double Excess)>(analytic.Length);
        var failures = 0;
        double maxAbs = 0, maxRel = 0;
        for (var i = 0; i < analytic.Length; i++)
        {
            var a = analytic[i];
            var num = numeric[i];
            var abs = Math.Abs(a - num);
            var scale = Math.Max(Math.Abs(a), Math.Abs(num));
            var rel = abs == 0 ? 0.0 : abs / scale;
            if (double.IsNaN(abs)) abs = rel = double.PositiveInfinity; // a NaN on one side is a failure, never a pass
            var allowed = options.AbsoluteTolerance + options.RelativeTolerance * Math.Abs(num) + (allowance?[i] ?? 0);
            if (!(abs <= allowed)) failures++;
            maxAbs = Math.Max(maxAbs, abs);
            maxRel = Math.Max(maxRel, rel);
            var (row, column) = directional ? (i, i) : (i / Math.Max(columns, 1), i % Math.Max(columns, 1));
            entries.Add((new GradientCheckEntry(i, row, column, a, num, abs, rel), allowed > 0 ? abs / allowed : abs));
        }
        var worst = entries.OrderByDescending(e => e.Excess).Take(options.WorstCount).Select(e => e.Entry).ToList();
        return new GradientCheckReport(failures == 0, analytic.Length, failures, maxAbs, maxRel, worst);
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

    private static double[] Normals(Random random, int n)
    {
        var v = new double[n];
        for (var i = 0; i < n; i++) // Box–Muller
            v[i] = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        return v;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static void RequireOutputs(int outputs)
    {
        if (outputs <= 0)
            throw new ArgumentOutOfRangeException(nameof(outputs), outputs, "A function has at least one output.");
    }

    private static GradientCheckOptions Validate(GradientCheckOptions? options)
    {
        options ??= GradientCheckOptions.Default;
        if (!(options.AbsoluteTolerance >= 0 && double.IsFinite(options.AbsoluteTolerance)))
            throw new ArgumentOutOfRangeException(nameof(options), options.AbsoluteTolerance, "AbsoluteTolerance must be finite and non-negative.");
        if (!(options.RelativeTolerance >= 0 && double.IsFinite(options.RelativeTolerance)))
            throw new ArgumentOutOfRangeException(nameof(options), options.RelativeTolerance, "RelativeTolerance must be finite and non-negative.");
        if (options.WorstCount < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.WorstCount, "WorstCount must not be negative.");
        if (options.Directions is <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Directions, "Directions must be positive when set.");
        ArgumentNullException.ThrowIfNull(options.Differentiation, nameof(options));
        return options;
    }
}
