namespace DiffNative;

/// <summary>A finite-difference stencil on a uniform grid of step h:
/// f⁽ᵈ⁾(x) ≈ h⁻ᵈ·Σⱼ Weights[j]·f(x + Offsets[j]·h), with error O(h^Accuracy). Immutable and shared.</summary>
public sealed class Stencil
{
    private readonly double[] offsets;
    private readonly double[] weights;

    internal Stencil(DifferenceScheme scheme, int derivative, int accuracy, double[] offsets, double[] weights)
    {
        Scheme = scheme;
        Derivative = derivative;
        Accuracy = accuracy;
        this.offsets = offsets;
        this.weights = weights;
        var active = Enumerable.Range(0, weights.Length).Where(j => weights[j] != 0).ToArray();
        ActiveOffsets = active.Select(j => offsets[j]).ToArray();
        ActiveWeights = active.Select(j => weights[j]).ToArray();
        OuterOffsets = ActiveOffsets.Where(o => o != 0).ToArray();
        Reach = ActiveOffsets.Max(Math.Abs);
        WeightSum = ActiveWeights.Sum(Math.Abs);
        Nearest = OuterOffsets.Length == 0 ? 0 : OuterOffsets.Min(Math.Abs);
    }

    /// <summary>Σ|wⱼ|: how much the rounding of f is amplified by the combination.</summary>
    internal double WeightSum { get; }

    /// <summary>The largest |offset| evaluated: how many steps from x the stencil looks.</summary>
    internal double Reach { get; }

    /// <summary>The smallest non-zero |offset| evaluated: the nearest point to x.</summary>
    internal double Nearest { get; }

    /// <summary>Offsets whose weight is not zero: the points actually evaluated.</summary>
    internal double[] ActiveOffsets { get; }

    /// <summary>The active offsets other than 0: the points that move away from x (computed once,
    /// so that callers needing them allocate nothing).</summary>
    internal double[] OuterOffsets { get; }

    /// <summary>The weights of <see cref="ActiveOffsets"/>.</summary>
    internal double[] ActiveWeights { get; }

    /// <summary>Central, forward or backward.</summary>
    public DifferenceScheme Scheme { get; }

    /// <summary>The derivative order d.</summary>
    public int Derivative { get; }

    /// <summary>The order of accuracy p: the error is O(hᵖ).</summary>
    public int Accuracy { get; }

    /// <summary>Sample positions in units of h.</summary>
    public ReadOnlySpan<double> Offsets => offsets;

    /// <summary>One weight per offset; some may be zero (the centre of odd central stencils).</summary>
    public ReadOnlySpan<double> Weights => weights;

    /// <summary>Number of points with a non-zero weight: the evaluations one application costs.</summary>
    public int Evaluations => ActiveWeights.Length;
}
