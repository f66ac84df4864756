namespace DiffNative;

// The float overloads, for networks that train in float: the same code as the double ones.
public static partial class GradientClipping
{
    /// <summary>The Euclidean norm of a float gradient, computed in double (scaled by the largest
    /// entry; NaN when g holds a NaN).</summary>
    public static double Norm(ReadOnlySpan<float> gradient) => NormOf(gradient);

    /// <summary>Scales a float g by maxNorm/‖g‖ when ‖g‖ &gt; maxNorm, each entry scaled in double
    /// and rounded once; returns the norm before clipping (a non-finite norm leaves g alone).</summary>
    /// <param name="gradient">The whole gradient.</param>
    /// <param name="maxNorm">Finite and positive.</param>
    public static double ByGlobalNorm(Span<float> gradient, double maxNorm) => ByGlobalNormOf(gradient, maxNorm);

    /// <summary>Clamps every float entry to [−b, b] with b = maxValue rounded to float (NaN stays
    /// NaN); returns how many entries were clamped.</summary>
    /// <param name="gradient">The gradient.</param>
    /// <param name="maxValue">Finite and positive.</param>
    public static int ByValue(Span<float> gradient, double maxValue) => ByValueOf(gradient, maxValue);
}
