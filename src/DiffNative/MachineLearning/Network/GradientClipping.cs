namespace DiffNative;

/// <summary>Gradient clipping, in place, as PyTorch's clip_grad_norm_ and clip_grad_value_ do it:
/// a guard against exploding gradients that keeps a single bad batch from throwing the parameters
/// far away.</summary>
public static class GradientClipping
{
    /// <summary>The Euclidean norm ‖g‖₂ (scaled by the largest entry, so it neither overflows nor
    /// underflows; NaN when g holds a NaN).</summary>
    public static double Norm(ReadOnlySpan<double> gradient)
    {
        var scale = 0.0;
        foreach (var v in gradient)
        {
            if (double.IsNaN(v)) return double.NaN;
            scale = Math.Max(scale, Math.Abs(v));
        }
        if (scale == 0 || double.IsInfinity(scale)) return scale;
        var sum = 0.0;
        foreach (var v in gradient) sum += (v / scale) * (v / scale);
        return scale * Math.Sqrt(sum);
    }

    /// <summary>Scales g by maxNorm/‖g‖ when ‖g‖ &gt; maxNorm, keeping its direction. Returns the
    /// norm before clipping. A non-finite norm is returned with g left alone: there is no
    /// direction to keep, and the caller should stop rather than step.</summary>
    /// <param name="gradient">The whole gradient (clipping layer by layer would change its direction).</param>
    /// <param name="maxNorm">Finite and positive.</param>
    public static double ByGlobalNorm(Span<double> gradient, double maxNorm)
    {
        if (!(double.IsFinite(maxNorm) && maxNorm > 0))
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The norm bound must be finite and positive.");
        var norm = Norm(gradient);
        if (double.IsFinite(norm) && norm > maxNorm)
        {
            var factor = maxNorm / norm;
            foreach (ref var v in gradient) v *= factor;
        }
        return norm;
    }

    /// <summary>Clamps every entry to [−maxValue, maxValue] (NaN stays NaN). Returns how many
    /// entries were clamped. Changes the direction of g, unlike <see cref="ByGlobalNorm"/>.</summary>
    /// <param name="gradient">The gradient.</param>
    /// <param name="maxValue">Finite and positive.</param>
    public static int ByValue(Span<double> gradient, double maxValue)
    {
        if (!(double.IsFinite(maxValue) && maxValue > 0))
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "The bound must be finite and positive.");
        var clamped = 0;
        foreach (ref var v in gradient)
        {
            if (v > maxValue) { v = maxValue; clamped++; }
            else if (v < -maxValue) { v = -maxValue; clamped++; }
        }
        return clamped;
    }
}
