namespace DiffNative.Optimization;

/// <summary>What one iteration of a method did to the state.</summary>
internal enum StepOutcome
{
    /// <summary>The state holds the next iterate.</summary>
    Moved,

    /// <summary>f or the gradient was NaN or infinite where the method had to go; the state is unchanged.</summary>
    NonFinite,

    /// <summary>No acceptable step was found; the state is unchanged.</summary>
    LineSearchFailed,

    /// <summary>The trust region shrank below the rounding of x without a step that lowered f; the state is unchanged.</summary>
    RadiusCollapsed,
}
