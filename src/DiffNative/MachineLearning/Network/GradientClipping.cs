using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>Gradient clipping, in place, as PyTorch's clip_grad_norm_ and clip_grad_value_ do it:
/// a guard against exploding gradients that keeps a single bad batch from throwing the parameters
/// far away. The float overloads compute in double and round each changed entry once.</summary>
public static class GradientClipping
{
    /// <summary>The Euclidean norm ‖g‖₂ (scaled by the largest entry, so it neither overflows nor
    /// underflows; NaN when g holds a NaN).</summary>
    public static double Norm(ReadOnlySpan<double> gradient) => NormOf(gradient);

    /// <summary>The Euclidean norm of a float gradient, computed in double (scaled by the largest
    /// entry; NaN when g holds a NaN).</summary>
    public static double Norm(ReadOnlySpan<float> gradient) => NormOf(gradient);

    /// <summary>Scales g by maxNorm/‖g‖ when ‖g‖ &gt; maxNorm, keeping its direction. Returns the
    /// norm before clipping. A non-finite norm is returned with g left alone: there is no
    /// direction to keep, and the caller should stop rather than step.</summary>
    /// <param name="gradient">The whole gradient (clipping layer by layer would change its direction).</param>
    /// <param name="maxNorm">Finite and positive.</param>
    public static double ByGlobalNorm(Span<double> gradient, double maxNorm) => ByGlobalNormOf(gradient, maxNorm);

    /// <summary>Scales a float g by maxNorm/‖g‖ when ‖g‖ &gt; maxNorm, each entry scaled in double
    /// and rounded once; returns the norm before clipping (a non-finite norm leaves g alone).</summary>
    /// <inheritdoc cref="ByGlobalNorm(Span{double}, double)" path="/param"/>
    public static double ByGlobalNorm(Span<float> gradient, double maxNorm) => ByGlobalNormOf(gradient, maxNorm);

    /// <summary>Clamps every entry to [−maxValue, maxValue] (NaN stays NaN). Returns how many
    /// entries were clamped. Changes the direction of g, unlike <see cref="ByGlobalNorm(Span{double}, double)"/>.</summary>
    /// <param name="gradient">The gradient.</param>
    /// <param name="maxValue">Finite and positive.</param>
    public static int ByValue(Span<double> gradient, double maxValue) => ByValueOf(gradient, maxValue);

    /// <summary>Clamps every float entry to [−b, b] with b = maxValue rounded to float (NaN stays
    /// NaN); returns how many entries were clamped.</summary>
    /// <inheritdoc cref="ByValue(Span{double}, double)" path="/param"/>
    public static int ByValue(Span<float> gradient, double maxValue) => ByValueOf(gradient, maxValue);

    internal static double NormOf<T>(ReadOnlySpan<T> gradient) where T : struct, IFloatingPointIeee754<T>
    {
        var scale = 0.0;
        foreach (var value in gradient)
        {
            var v = double.CreateTruncating(value);
            if (double.IsNaN(v)) return double.NaN;
            scale = Math.Max(scale, Math.Abs(v));
        }
        if (scale == 0 || double.IsInfinity(scale)) return scale;
        var sum = 0.0;
        foreach (var value in gradient)
        {
            var v = double.CreateTruncating(value);
            sum += (v / scale) * (v / scale);
        }
        return scale * Math.Sqrt(sum);
    }

    internal static double ByGlobalNormOf<T>(Span<T> gradient, double maxNorm) where T : struct, IFloatingPointIeee754<T>
    {
        if (!(double.IsFinite(maxNorm) && maxNorm > 0))
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "The norm bound must be finite and positive.");
        var norm = NormOf<T>(gradient);
        if (double.IsFinite(norm) && norm > maxNorm)
        {
            var factor = maxNorm / norm;
            foreach (ref var v in gradient) v = T.CreateTruncating(double.CreateTruncating(v) * factor);
        }
        return norm;
    }

    internal static int ByValueOf<T>(Span<T> gradient, double maxValue) where T : struct, IFloatingPointIeee754<T>
    {
        if (!(double.IsFinite(maxValue) && maxValue > 0))
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "The bound must be finite and positive.");
        // the bound in T, so that a clamped entry is exactly ±bound (maxValue rounded for float)
        var bound = T.CreateTruncating(maxValue);
        var clamped = 0;
        foreach (ref var v in gradient)
        {
            if (v > bound) { v = bound; clamped++; }
            else if (v < -bound) { v = -bound; clamped++; }
        }
        return clamped;
    }
}
