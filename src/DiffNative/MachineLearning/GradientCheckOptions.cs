namespace DiffNative.MachineLearning;

/// <summary>Settings of <see cref="GradientCheck"/>. An entry passes when
/// |analytic − numeric| ≤ AbsoluteTolerance + RelativeTolerance·|numeric| (numpy's isclose, as
/// PyTorch's gradcheck uses it).</summary>
public sealed record GradientCheckOptions
{
    /// <summary>Defaults for double-precision code: atol 1e-6, rtol 1e-5, central differences of
    /// accuracy 4 (errors around 1e-10 on smooth functions, so the tolerances have headroom).</summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>Defaults for float code (the float overloads of <see cref="GradientCheck"/> use them
    /// when given no options): <see cref="NumericPrecision.Single"/> steps, atol 1e-3 and rtol 1e-2.
    /// A float function's own rounding (ε_f ≈ 1.2e-7 of its value) divided by the step leaves
    /// finite differences of accuracy 4 only about ε_f^(4/5) ≈ 3e-6 accurate relative to f's scale,
    /// against ε_d^(4/5) ≈ 3e-13 in double, so the double defaults would fail correct float code;
    /// a wrong term or factor is still off by far more than 1 %. Adjust with <c>with</c>.</summary>
    public static GradientCheckOptions Float { get; } = new()
    {
        Precision = NumericPrecision.Single,
        AbsoluteTolerance = 1e-3,
        RelativeTolerance = 1e-2,
    };

    /// <summary>The precision the checked function computes in. <see cref="NumericPrecision.Single"/>
    /// widens the finite-difference steps to suit float rounding (unless
    /// <see cref="DifferentiationOptions.Steps"/> are given); it does not change the tolerances,
    /// which <see cref="Float"/> sets.</summary>
    public NumericPrecision Precision { get; init; } = NumericPrecision.Double;

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
