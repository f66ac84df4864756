namespace DiffNative.Optimization;

/// <summary>The minimisation methods <see cref="Optimize.Minimize(Objective, ReadOnlySpan{double}, OptimizerOptions?, CancellationToken)"/> offers.</summary>
public enum OptimizationMethod
{
    /// <summary>Quasi-Newton with a dense inverse-Hessian approximation and a strong Wolfe line
    /// search; the default.</summary>
    Bfgs,

    /// <summary>Limited-memory BFGS: the last <see cref="OptimizerOptions.Memory"/> steps stand in
    /// for the dense matrix; strong Wolfe line search.</summary>
    Lbfgs,

    /// <summary>Newton's method: a Cholesky solve with H + τI, τ growing until H + τI is positive
    /// definite, then a backtracking line search.</summary>
    Newton,

    /// <summary>x ← x − η∇f; with a line search when <see cref="OptimizerOptions.LineSearch"/> names one.</summary>
    GradientDescent,

    /// <summary>Heavy-ball momentum: v ← μv + ∇f, x ← x − ηv.</summary>
    Momentum,

    /// <summary>Nesterov momentum (the look-ahead form that needs the gradient at x only):
    /// v ← μv + ∇f, x ← x − η(∇f + μv).</summary>
    Nesterov,

    /// <summary>AdaGrad: per-coordinate steps η/(√Σg² + ε).</summary>
    AdaGrad,

    /// <summary>RMSProp: per-coordinate steps η/(√E[g²] + ε), E a moving average with decay ρ.</summary>
    RmsProp,

    /// <summary>Adam: bias-corrected moving averages of g (β₁) and g² (β₂).</summary>
    Adam,

    /// <summary>Adam with decoupled weight decay: x ← x − ηλx besides the Adam step.</summary>
    AdamW,

    /// <summary>Trust-region Newton: the step minimises the quadratic model within a radius that
    /// grows after good steps and shrinks after poor ones (Moré–Sorensen's exact subproblem, which
    /// follows negative curvature where the Hessian is indefinite). No line search.</summary>
    TrustRegionNewton,
}
