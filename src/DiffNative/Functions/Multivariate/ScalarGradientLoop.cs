using System.Runtime.CompilerServices;
using DiffNative.Reference;

namespace DiffNative;

/// <summary>The fixed-step gradient of a plain per-point delegate, one coordinate at a time: its
/// stencil's evaluations and their combination in one loop, with the steps and the perturbed
/// point on the stack. For a cheap function the separate passes (pooled buffers, a plan, a
/// combination pass and, natively, two crossings) cost as much as the evaluations themselves at
/// small n; here the arithmetic hides between the calls. Both backends take this path — there is
/// nothing vector-wide to hand the native core between two delegate calls — and it gives the same
/// bits as the separate kernels: the same step rule and the same sum in the same order.</summary>
internal static class ScalarGradientLoop
{
    /// <summary>Above this the steps and the point (16 KB of stack) move to the pooled path.</summary>
    internal const int MaxCoordinates = 1024;

    /// <summary>Whether a per-point scalar function's gradient with these options takes this loop:
    /// fixed steps, no bounds, sequential, and a point small enough for the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Applies(ReadOnlySpan<double> x, DifferentiationOptions options) =>
        !options.Adaptive && !options.Parallel && options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty
        && x.Length <= MaxCoordinates;

    [SkipLocalsInit] // every element of both stack buffers is written before it is read
    internal static DifferentiationInfo Compute(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var n = x.Length;
        var stencil = Stencils.FirstDerivative(options.Scheme, AxisGroups.OneSidedSafe(options.Scheme, options.Accuracy));
        var baseStep = StepRule.BaseStep(1, options.Accuracy);
        Span<double> buffers = stackalloc double[2 * n]; // one allocation: the point and the steps
        var point = buffers[..n];
        var steps = buffers[n..];
        x.CopyTo(point);
        // One loop per step source, so that the common case (no steps or scales given) pays no
        // per-coordinate branch on which rule applies. Each loop also says whether every entry is
        // finite (a sum of g − g, which is NaN as soon as one is not) while the entries are at hand.
        var finite = !options.Steps.IsEmpty
            ? Run(f, x, new GivenSteps(options.Steps.Span), stencil, point, steps, gradient, cancellation)
            : !options.TypicalScales.IsEmpty
                ? Run(f, x, new ScaledSteps(options.TypicalScales.Span, baseStep), stencil, point, steps, gradient, cancellation)
                : Run(f, x, new UnitScaleSteps(baseStep), stencil, point, steps, gradient, cancellation);
        // A token that fired during the last coordinate's evaluations still means no result.
        cancellation.ThrowIfCancellationRequested();
        return new DifferentiationInfo(n * stencil.ActiveOffsets.Length, finite ? DerivativeStatus.Ok : DerivativeStatus.NonFinite);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Run<TSteps>(ScalarFunction f, ReadOnlySpan<double> x, in TSteps rule, Stencil stencil,
        Span<double> point, Span<double> steps, Span<double> gradient, CancellationToken cancellation)
        where TSteps : IStepSource, allows ref struct
    {
        return stencil.ActiveOffsets.Length == 2
            ? TwoPointLoop(f, x, rule, stencil.ActiveOffsets, stencil.ActiveWeights, point, steps, gradient, cancellation)
            : Loop(f, x, rule, stencil.ActiveOffsets, stencil.ActiveWeights, point, gradient, cancellation);
    }

    /// <summary>The step of coordinate i — the same arithmetic as the step kernels.</summary>
    private interface IStepSource
    {
        double At(ReadOnlySpan<double> x, int i);
    }

    /// <summary>The error-balancing rule with typical scale 1 (the default).</summary>
    private readonly struct UnitScaleSteps(double baseStep) : IStepSource
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double At(ReadOnlySpan<double> x, int i) => DifferenceKernelsReference.Step(x[i], 1.0, baseStep);
    }

    /// <summary>The error-balancing rule with the user's typical scales.</summary>
    private readonly ref struct ScaledSteps(ReadOnlySpan<double> scales, double baseStep) : IStepSource
    {
        private readonly ReadOnlySpan<double> scales = scales;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double At(ReadOnlySpan<double> x, int i) => DifferenceKernelsReference.Step(x[i], scales[i], baseStep);
    }

    /// <summary>The user's steps, made exact.</summary>
    private readonly ref struct GivenSteps(ReadOnlySpan<double> given) : IStepSource
    {
        private readonly ReadOnlySpan<double> given = given;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double At(ReadOnlySpan<double> x, int i) => StepRule.MakeExact(x[i], given[i]);
    }

    private static bool Loop<TSteps>(ScalarFunction f, ReadOnlySpan<double> x, in TSteps rule, double[] offsets, double[] weights,
        Span<double> point, Span<double> gradient, CancellationToken cancellation)
        where TSteps : IStepSource, allows ref struct
    {
        var check = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var xi = x[i];
            var h = rule.At(x, i);
            var sum = 0.0;
            for (var j = 0; j < offsets.Length; j++)
            {
                point[i] = xi + offsets[j] * h;
                sum += weights[j] * f(point);
            }
            point[i] = xi;
            var g = sum / h;
            gradient[i] = g;
            check += g - g;
        }
        return check == 0.0;
    }

    /// <summary><see cref="Loop"/> unrolled for the two-point stencils (the default central one,
    /// forward and backward of accuracy 1): the same operations in the same order, less loop
    /// bookkeeping around each call. The divisions get a pass of their own: inside the loop each
    /// one waited on the call before it and held up the next evaluation.</summary>
    private static bool TwoPointLoop<TSteps>(ScalarFunction f, ReadOnlySpan<double> x, in TSteps rule, double[] offsets, double[] weights,
        Span<double> point, Span<double> steps, Span<double> gradient, CancellationToken cancellation)
        where TSteps : IStepSource, allows ref struct
    {
        var (o0, o1, w0, w1) = (offsets[0], offsets[1], weights[0], weights[1]);
        var n = x.Length;
        point = point[..n];
        steps = steps[..n];
        gradient = gradient[..n];
        for (var i = 0; i < n; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var xi = x[i];
            var h = rule.At(x, i);
            point[i] = xi + o0 * h;
            var v0 = f(point);
            point[i] = xi + o1 * h;
            var v1 = f(point);
            point[i] = xi;
            var sum = 0.0;
            sum += w0 * v0;
            sum += w1 * v1;
            gradient[i] = sum;
            steps[i] = h;
        }
        var check = 0.0;
        for (var i = 0; i < n; i++)
        {
            var g = gradient[i] / steps[i];
            gradient[i] = g;
            check += g - g;
        }
        return check == 0.0;
    }
}
