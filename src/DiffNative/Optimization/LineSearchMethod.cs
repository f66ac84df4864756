namespace DiffNative.Optimization;

/// <summary>How far along a search direction a step goes.</summary>
public enum LineSearchMethod
{
    /// <summary>The method's own choice: strong Wolfe for BFGS and L-BFGS (their updates need the
    /// curvature condition), backtracking for Newton, none for the first-order methods.</summary>
    Default,

    /// <summary>A fixed step of the learning rate (first-order methods only).</summary>
    None,

    /// <summary>Backtracking from the initial step until the Armijo condition
    /// f(x + αd) ≤ f(x) + c₁α∇f·d holds, shrinking by safeguarded quadratic interpolation.</summary>
    Backtracking,

    /// <summary>The strong Wolfe conditions (Armijo and |∇f(x + αd)·d| ≤ c₂|∇f(x)·d|) by bracketing
    /// and zooming with cubic interpolation (Nocedal and Wright, algorithms 3.5 and 3.6).</summary>
    StrongWolfe,
}
