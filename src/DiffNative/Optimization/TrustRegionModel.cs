namespace DiffNative.Optimization;

/// <summary>The quadratic model of <see cref="TrustRegionNewton"/> in the scaled variables Dp:
/// gᵀD⁻¹(Dp) + ½(Dp)ᵀD⁻¹HD⁻¹(Dp), its Hessian taken at each iterate, and the step that minimises
/// it inside the ball ‖Dp‖ ≤ Δ. Dense for small or dense Hessians (solved exactly), sparse for
/// large ones with a sparse pattern (solved by truncated conjugate gradients, no n×n memory).</summary>
internal abstract class TrustRegionModel
{
    /// <summary>Above this many variables a sparse Hessian is kept sparse: a dense model needs three
    /// n×n matrices and O(n³) work per factorisation.</summary>
    internal const int SparseFrom = 500;

    /// <summary>The dense model, or the sparse one where the evaluator differences a sparse Hessian
    /// of at least <see cref="SparseFrom"/> variables.</summary>
    internal static TrustRegionModel Create(int n, ObjectiveEvaluator evaluator, ReadOnlySpan<double> x) =>
        n >= SparseFrom && evaluator.SparseStructure(x) is { } structure
            ? new SparseTrustRegionModel(n, structure)
            : new DenseTrustRegionModel(n);

    /// <summary>The Hessian at x; false when an entry is not finite.</summary>
    internal abstract bool Evaluate(ReadOnlySpan<double> x, ObjectiveEvaluator evaluator);

    /// <summary>Raises each Dᵢ to √|Hᵢᵢ| where that is larger (a coordinate with no curvature yet keeps 1).</summary>
    internal abstract void UpdateScales(Span<double> scales);

    /// <summary>Takes D for the solves and decreases that follow, until the next <see cref="Evaluate"/>.</summary>
    internal abstract void Scale(ReadOnlySpan<double> scales);

    /// <summary>The step in the scaled variables for the scaled gradient; false when the model is not finite.</summary>
    internal abstract bool Solve(ReadOnlySpan<double> scaledGradient, double radius, Span<double> step, out bool onBoundary);

    /// <summary>−(g̃ᵀp + ½pᵀH̃p), the model's decrease along the scaled step p.</summary>
    internal abstract double PredictedDecrease(ReadOnlySpan<double> scaledGradient, ReadOnlySpan<double> step);
}

/// <summary>The dense model: Moré and Sorensen's exact step (<see cref="TrustRegionSubproblem"/>).</summary>
internal sealed class DenseTrustRegionModel(int n) : TrustRegionModel
{
    private readonly double[] hessian = new double[n * n];
    private readonly double[] scaledHessian = new double[n * n];
    private readonly TrustRegionSubproblem subproblem = new(n);

    internal override bool Evaluate(ReadOnlySpan<double> x, ObjectiveEvaluator evaluator) => evaluator.Hessian(x, hessian);

    internal override void UpdateScales(Span<double> scales)
    {
        for (var i = 0; i < n; i++) scales[i] = Raised(scales[i], hessian[i * n + i]);
    }

    internal override void Scale(ReadOnlySpan<double> scales)
    {
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++) scaledHessian[i * n + j] = hessian[i * n + j] / (scales[i] * scales[j]);
    }

    internal override bool Solve(ReadOnlySpan<double> scaledGradient, double radius, Span<double> step, out bool onBoundary) =>
        subproblem.Solve(scaledHessian, scaledGradient, radius, step, out onBoundary);

    internal override double PredictedDecrease(ReadOnlySpan<double> scaledGradient, ReadOnlySpan<double> step) =>
        TrustRegionSubproblem.PredictedDecrease(scaledHessian, scaledGradient, step);

    /// <summary>max(Dᵢ, √|Hᵢᵢ|), 1 where neither has a size: scales never shrink, as MINPACK's.</summary>
    internal static double Raised(double scale, double diagonal)
    {
        var d = Math.Sqrt(Math.Abs(diagonal));
        var raised = Math.Max(scale, double.IsFinite(d) ? d : 0);
        return raised == 0 ? 1 : raised;
    }
}
