namespace DiffNative.Optimization;

/// <summary>The numerical gradient of BFGS and L-BFGS when <see cref="OptimizerOptions.Differentiation"/>
/// is left null: forward differences while the gradient is large, n evaluations since f(x) is
/// already known, then central differences (2n) for the rest of the run. The switch comes when the
/// estimated forward error, hᵢκ/2 + 2·10ε|f|/hᵢ with κ = yᵀy/sᵀy the curvature between the last
/// two gradients, exceeds 3 % of the largest |∂f/∂xᵢ|, when a forward gradient would pass the
/// stopping test, or when a line search fails: from there on the curvature pairs and the stopping
/// test need more than forward differences can give.</summary>
internal sealed class SwitchingGradient
{
    /// <summary>The forward error may be at most this fraction of the largest |∂f/∂xᵢ|: larger
    /// ones let noisy curvature pairs in, smaller ones pay 2n sooner than needed.</summary>
    private const double ErrorFraction = 0.03;

    /// <summary>How many ε the rounding of f is taken to be: f sums many terms.</summary>
    private const double RoundingMultiple = 10;

    /// <summary>Most forward points sent to a batch function per call.</summary>
    private const int MaxBatchValues = 1 << 16;

    private readonly int n;
    private readonly OptimizerOptions options;
    private readonly double[] steps;
    private readonly double[] previousX;
    private readonly double[] previousGradient;
    private readonly double[] point;
    private double[]? batchPoints;
    private double[]? batchValues;
    private bool hasPrevious;
    private double curvature;

    internal SwitchingGradient(int n, OptimizerOptions options)
    {
        this.n = n;
        this.options = options;
        steps = new double[n];
        previousX = new double[n];
        previousGradient = new double[n];
        point = new double[n];
    }

    /// <summary>Whether the gradient is still taken by forward differences.</summary>
    internal bool Forward { get; private set; } = true;

    /// <summary>From now on central differences; there is no way back.</summary>
    internal void SwitchToCentral() => Forward = false;

    /// <summary>∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x))/hᵢ with hᵢ = √ε·max(|xᵢ|, 1), made exact; n evaluations.
    /// False when a value is not finite.</summary>
    internal bool Compute(Objective objective, ReadOnlySpan<double> x, double value, Span<double> gradient,
        CancellationToken cancellation)
    {
        for (var i = 0; i < n; i++) steps[i] = StepRule.Default(x[i], 1, 1, 1.0);
        if (objective.BatchValue is { } batch) EvaluateBatches(batch, x, gradient, cancellation);
        else
        {
            x.CopyTo(point);
            for (var i = 0; i < n; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                point[i] = x[i] + steps[i];
                gradient[i] = objective.Value(point);
                point[i] = x[i];
            }
        }
        // A token that fired during the last evaluation still means no gradient.
        cancellation.ThrowIfCancellationRequested();
        for (var i = 0; i < n; i++) gradient[i] = (gradient[i] - value) / steps[i];
        return Vectors.AllFinite(gradient);
    }

    /// <summary>The forward points in batches; each value lands in its coordinate of
    /// <paramref name="values"/>.</summary>
    private void EvaluateBatches(BatchScalarFunction batch, ReadOnlySpan<double> x, Span<double> values, CancellationToken cancellation)
    {
        var rows = Math.Clamp(MaxBatchValues / n, 1, n);
        batchPoints ??= new double[rows * n];
        batchValues ??= new double[rows];
        for (var first = 0; first < n; first += rows)
        {
            cancellation.ThrowIfCancellationRequested();
            var count = Math.Min(rows, n - first);
            for (var r = 0; r < count; r++)
            {
                var row = batchPoints.AsSpan(r * n, n);
                x.CopyTo(row);
                row[first + r] = x[first + r] + steps[first + r];
            }
            // Rows the function leaves unwritten must show as not finite.
            var written = batchValues.AsSpan(0, count);
            written.Fill(double.NaN);
            batch(batchPoints.AsSpan(0, count * n), n, written);
            written.CopyTo(values.Slice(first, count));
        }
    }

    /// <summary>Whether a forward gradient just computed at x is good enough to keep; also learns
    /// the curvature from it.</summary>
    internal bool Suffices(ReadOnlySpan<double> x, double value, ReadOnlySpan<double> gradient)
    {
        Observe(x, gradient);
        var largest = Vectors.MaxAbs(gradient);
        if (largest <= options.GradientTolerance * options.ValueScale(value)) return false;
        var rounding = 2 * RoundingMultiple * StepRule.MachineEpsilon * Math.Abs(value);
        var error = 0.0;
        for (var i = 0; i < n; i++) error = Math.Max(error, steps[i] * curvature / 2 + rounding / steps[i]);
        return error <= ErrorFraction * largest;
    }

    /// <summary>κ = yᵀy/sᵀy between this gradient and the previous one, a curvature between the
    /// smallest and largest eigenvalue of the Hessian; kept from before when sᵀy ≤ 0.</summary>
    private void Observe(ReadOnlySpan<double> x, ReadOnlySpan<double> gradient)
    {
        if (hasPrevious)
        {
            double sy = 0, yy = 0;
            for (var i = 0; i < n; i++)
            {
                var s = x[i] - previousX[i];
                var y = gradient[i] - previousGradient[i];
                sy += s * y;
                yy += y * y;
            }
            if (sy > 0 && double.IsFinite(yy / sy)) curvature = yy / sy;
        }
        x.CopyTo(previousX);
        gradient.CopyTo(previousGradient);
        hasPrevious = true;
    }
}
