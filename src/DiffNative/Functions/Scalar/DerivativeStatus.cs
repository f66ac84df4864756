namespace DiffNative;

/// <summary>What a derivative result can be trusted for.</summary>
public enum DerivativeStatus
{
    /// <summary>No sign of trouble.</summary>
    Ok,

    /// <summary>The slopes left and right of x disagree by more than smoothness allows (a kink such
    /// as |x| or ReLU at 0): the value is not a derivative.</summary>
    NotDifferentiable,

    /// <summary>The function was NaN or infinite at x or at every step tried near it.</summary>
    NonFinite,

    /// <summary>Adaptive extrapolation did not settle: the error estimate is large relative to the
    /// value. The value is the best found.</summary>
    NotConverged,
}
