namespace DiffNative;

/// <summary>Options for a derivative along one variable: <see cref="Differentiate.Derivative(Func{double, double}, double, DerivativeOptions?)"/>
/// and <see cref="Differentiate.DirectionalDerivative"/>, which return a <see cref="DerivativeResult"/>.
/// Gradients, Jacobians and Hessians take <see cref="DifferentiationOptions"/>. Immutable: share
/// one instance freely across threads.</summary>
public sealed record DerivativeOptions
{
    /// <summary>The defaults: first derivative, adaptive (Richardson extrapolation over central
    /// differences of accuracy 2, with an error estimate).</summary>
    public static DerivativeOptions Default { get; } = new();

    /// <summary>Derivative order, 1..4.</summary>
    public int Order { get; init; } = 1;

    /// <summary>The method: <see cref="DerivativeMethod.Adaptive"/> unless set, which gives an error
    /// estimate and finds its own step; <see cref="DerivativeMethod.Central"/> is one fixed-step
    /// stencil (2 to 8 evaluations instead of 15 to 60).</summary>
    public DerivativeMethod Method { get; init; } = DerivativeMethod.Adaptive;

    /// <summary>Order of accuracy: central 2, 4, 6, 8; forward and backward 1..6. Null means 2. For
    /// <see cref="DerivativeMethod.Adaptive"/>, the accuracy of the central stencil it extrapolates.</summary>
    public int? Accuracy { get; init; }

    /// <summary>A fixed step h; null chooses one. For <see cref="DerivativeMethod.Adaptive"/>, the
    /// first step of the shrinking sequence.</summary>
    public double? Step { get; init; }

    /// <summary>The size below which |x| is not a useful scale for the step: steps scale with
    /// max(|x|, TypicalScale). Give the scale on which the function varies (1e-3 for log near
    /// 1e-3) when it is not 1.</summary>
    public double TypicalScale { get; init; } = 1.0;

    /// <summary>Whether a first derivative also checks that the slopes left and right of x agree
    /// (three more evaluations with central and adaptive methods; one-sided methods never sample the
    /// other side).</summary>
    public bool CheckDifferentiability { get; init; } = true;

    internal int EffectiveAccuracy => Accuracy ?? 2;

    internal DifferenceScheme Scheme => Method switch
    {
        DerivativeMethod.Forward => DifferenceScheme.Forward,
        DerivativeMethod.Backward => DifferenceScheme.Backward,
        _ => DifferenceScheme.Central,
    };

    internal void Validate()
    {
        if (Order is < 1 or > Stencils.MaxDerivative)
            throw new ArgumentOutOfRangeException(nameof(Order), Order, $"The derivative order must be 1..{Stencils.MaxDerivative}.");
        if (!Enum.IsDefined(Method))
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Not a derivative method.");
        if (Accuracy is { } p && !Stencils.IsSupportedAccuracy(Scheme, p))
            throw new ArgumentOutOfRangeException(nameof(Accuracy), p, Scheme == DifferenceScheme.Central
                ? "Central stencils have accuracy 2, 4, 6 or 8."
                : "One-sided stencils have accuracy 1 to 6.");
        if (Step is { } h && (!double.IsFinite(h) || h <= 0))
            throw new ArgumentOutOfRangeException(nameof(Step), h, "The step must be finite and positive.");
        if (!double.IsFinite(TypicalScale) || TypicalScale <= 0)
            throw new ArgumentOutOfRangeException(nameof(TypicalScale), TypicalScale, "The typical scale must be finite and positive.");
        if (Method == DerivativeMethod.Complex && Order != 1)
            throw new ArgumentOutOfRangeException(nameof(Order), Order, "The complex-step method gives first derivatives only.");
    }
}
