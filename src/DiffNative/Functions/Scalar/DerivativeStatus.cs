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
    /// value. The value is the best found. For a fixed step (a user's, or a default one shrunk as far
    /// as it may be), the estimate of the next lower accuracy from the same samples disagrees far
    /// more than it would if the step suited f: the step is too long for the scale f varies on.</summary>
    NotConverged,

    /// <summary>The differences the value is made of are at the level of rounding in f: the step is
    /// below the resolution of x (x + h == x), or f changes by only a few units in its last place
    /// over the step (f ≈ 1e12 varying by 1e-8). The value may be mostly noise, or exactly 0 for a
    /// function that does change; a larger step, or the typical scale on which f varies, helps.</summary>
    RoundingLimited,

    /// <summary>A sparse Jacobian or Hessian disagrees with f's derivative along random directions
    /// by more than either could be off (only with <see cref="DifferentiationOptions.CheckPattern"/>):
    /// the sparsity pattern most likely misses a nonzero, and the values are wrong. A step far too
    /// long for the scale f varies on can also cause it.</summary>
    PatternMismatch,
}
