namespace DiffNative;

/// <summary>Settings of <see cref="GradientCheck"/>. An entry passes when
/// |analytic − numeric| ≤ AbsoluteTolerance + RelativeTolerance·|numeric| (numpy's isclose, as
/// PyTorch's gradcheck uses it).</summary>
public sealed record GradientCheckOptions
{
    /// <summary>Defaults for double-precision code: atol 1e-6, rtol 1e-5, central differences of
    /// accuracy 4 (errors around 1e-10 on smooth functions, so the tolerances have headroom).</summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>The absolute tolerance; finite and non-negative.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-6;

    /// <summary>The relative tolerance; finite and non-negative.</summary>
    public double RelativeTolerance { get; init; } = 1e-5;

    /// <summary>How many of the worst entries the report lists.</summary>
    public int WorstCount { get; init; } = 5;

    /// <summary>When set, the fast mode: instead of every entry, this many random directional
    /// derivatives vᵀJu (u, v with independent standard normal entries) are compared, costing a
    /// few function evaluations each instead of 2n.</summary>
    public int? Directions { get; init; }

    /// <summary>Seed of the random directions, so that a failing check can be replayed.</summary>
    public int Seed { get; init; } = 12345;

    /// <summary>How the numeric derivatives are taken.</summary>
    public DifferentiationOptions Differentiation { get; init; } = new() { Accuracy = 4 };
}
