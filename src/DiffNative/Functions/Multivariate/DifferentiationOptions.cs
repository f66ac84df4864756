using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace DiffNative;

/// <summary>Options for gradients, Jacobians, Hessians and their relatives, dense and sparse: every
/// <see cref="Differentiate"/> method that returns a <see cref="DifferentiationInfo"/>,
/// <see cref="DerivativeArray"/> or <see cref="SparseDerivativeArray"/>. A derivative along one
/// variable takes <see cref="DerivativeOptions"/>. Immutable (the arrays are read, never written);
/// share one instance across threads.</summary>
public sealed record DifferentiationOptions
{
    /// <summary>The defaults: central differences of accuracy 2, error-balancing steps, sequential.</summary>
    public static DifferentiationOptions Default { get; } = new();

    /// <summary>Central (default), forward or backward; applies to first derivatives.</summary>
    public DifferenceScheme Scheme { get; init; } = DifferenceScheme.Central;

    /// <summary>Order of accuracy of first-derivative stencils (central 2, 4, 6, 8; one-sided
    /// 1..6). Second derivatives use accuracy 2.</summary>
    public int Accuracy { get; init; } = 2;

    /// <summary>Richardson extrapolation over a shrinking step sequence, with per-entry error
    /// estimates (costs about 8 times the evaluations; a gradient or Jacobian coordinate whose
    /// entries do not converge starts again from smaller steps, up to three more times).</summary>
    public bool Adaptive { get; init; }

    /// <summary>Whether a fixed-step central gradient or dense Jacobian also checks each coordinate's
    /// step (one more evaluation, f(x)): a coordinate whose one-sided slopes disagree (in any output
    /// of a Jacobian, which rechecks that output's entry alone) by far more than a balanced
    /// step allows (a kink within the stencil's reach, or a step too long for the scale f varies on
    /// there) is differentiated again along its axis as the default scalar
    /// <see cref="Differentiate.Derivative(Func{double, double}, double, DerivativeOptions?)"/> does
    /// (adaptively; a user's step is only judged), which finds the step f needs or reports
    /// NotDifferentiable or NotConverged. Such a coordinate costs some 15 to 40 evaluations more;
    /// near a stationary point along an axis a smooth f is rechecked too. On by default; one-sided
    /// schemes, bounds within 0.1·max(|xᵢ|, scaleᵢ) of x (the recheck's room) and the optimisers
    /// (whose line searches reject bad steps) do not check. The fixed-step dense Hessian checks its
    /// default steps too (2n more evaluations, f(x ± 2hᵢeᵢ)): a coordinate whose diagonal differs
    /// from the same difference at twice the step by more than 100·√ε of its size has its step
    /// quartered and the Hessian retaken, up to 4 times, and is NotConverged after that; the
    /// accuracy-2 diagonal does the same, and the Hessian-vector product compares itself with the
    /// product at twice its steps (4n more evaluations). A value of f that is not finite at those
    /// points makes the result NonFinite.</summary>
    public bool CheckDifferentiability { get; init; } = true;

    /// <summary>Sparse Jacobians and Hessians only: after a result that is otherwise Ok, difference f
    /// densely along 2 random directions v (a fixed seed, so a call is repeatable) and compare with
    /// the sparse result applied to v (J·v per output; vᵀHv for a Hessian from values); a
    /// disagreement beyond what either could be off gives
    /// <see cref="DerivativeStatus.PatternMismatch"/>: the pattern misses a nonzero. Costs exactly
    /// 4 evaluations (x ± t·v per direction; 5 with f(x) for a Hessian from values). Coordinates
    /// within a step of a bound are left out of v. Off by default; dense operations ignore it.</summary>
    public bool CheckPattern { get; init; }

    /// <summary>Per-coordinate steps; empty chooses them. For adaptive, the first steps.</summary>
    public ReadOnlyMemory<double> Steps { get; init; }

    /// <summary>Per-coordinate typical scales (default 1): steps scale with max(|xᵢ|, scaleᵢ).</summary>
    public ReadOnlyMemory<double> TypicalScales { get; init; }

    /// <summary>Per-coordinate lower bounds (empty: none). Stencils near a bound turn one-sided so
    /// that no evaluation leaves the domain.</summary>
    public ReadOnlyMemory<double> LowerBounds { get; init; }

    /// <summary>Per-coordinate upper bounds (empty: none).</summary>
    public ReadOnlyMemory<double> UpperBounds { get; init; }

    /// <summary>Evaluate the function on several threads (for expensive functions). Results are
    /// the same bits as sequential evaluation. Off by default.</summary>
    public bool Parallel { get; init; }

    /// <summary>Upper bound on threads when <see cref="Parallel"/>; null lets .NET decide.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>Points per call of a batch function; large batches use more memory.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Backend for the vector-wide arithmetic (steps, combination, extrapolation,
    /// assembly); <see cref="DiffNativeRuntime.DefaultBackend"/> when null. Both give the same bits.</summary>
    public Backend? Backend { get; init; }

    /// <summary>Checks the options against n coordinates. Runs on every call, so the common case
    /// (no per-coordinate arrays) is a handful of compares inlined into the caller; the messages
    /// are built only on the way to a throw.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Validate(int n)
    {
        if ((uint)Scheme > (uint)DifferenceScheme.Backward || !Stencils.IsSupportedAccuracy(Scheme, Accuracy)
            || BatchSize < 1 || MaxDegreeOfParallelism is < 1)
            ThrowInvalid();
        if (!Steps.IsEmpty || !TypicalScales.IsEmpty || !LowerBounds.IsEmpty || !UpperBounds.IsEmpty)
            ValidateArrays(n);
    }

    [DoesNotReturn]
    private void ThrowInvalid()
    {
        if ((uint)Scheme > (uint)DifferenceScheme.Backward)
            throw new ArgumentOutOfRangeException(nameof(Scheme), Scheme, "Not a difference scheme.");
        if (!Stencils.IsSupportedAccuracy(Scheme, Accuracy))
            throw new ArgumentOutOfRangeException(nameof(Accuracy), Accuracy, Scheme == DifferenceScheme.Central
                ? "Central stencils have accuracy 2, 4, 6 or 8."
                : "One-sided stencils have accuracy 1 to 6.");
        if (BatchSize < 1)
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "The batch size must be at least 1.");
        throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be at least 1.");
    }

    private void ValidateArrays(int n)
    {
        CheckLength(Steps, n, nameof(Steps), positive: true);
        CheckLength(TypicalScales, n, nameof(TypicalScales), positive: true);
        CheckLength(LowerBounds, n, nameof(LowerBounds), positive: false);
        CheckLength(UpperBounds, n, nameof(UpperBounds), positive: false);
    }

    private static void CheckLength(ReadOnlyMemory<double> values, int n, string name, bool positive)
    {
        if (values.IsEmpty) return;
        if (values.Length != n)
            throw new ArgumentException($"{name} has {values.Length} values but x has {n}.", name);
        var span = values.Span;
        for (var i = 0; i < span.Length; i++)
        {
            if (positive ? !(double.IsFinite(span[i]) && span[i] > 0) : double.IsNaN(span[i]))
                throw new ArgumentException($"{name}[{i}] is {span[i]}; " + (positive ? "it must be finite and positive." : "it must not be NaN."), name);
        }
    }
}
