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

    internal static DifferentiationInfo Compute(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var n = x.Length;
        var stencil = Stencils.Get(options.Scheme, 1, AxisGroups.OneSidedSafe(options.Scheme, options.Accuracy));
        var rule = new StepSource(options.Steps.IsEmpty ? default : options.Steps.Span,
            options.TypicalScales.IsEmpty ? default : options.TypicalScales.Span, StepRule.BaseStep(1, options.Accuracy));
        Span<double> point = stackalloc double[n];
        x.CopyTo(point);
        if (stencil.ActiveOffsets.Length == 2)
            TwoPointLoop(f, x, rule, stencil.ActiveOffsets, stencil.ActiveWeights, point, stackalloc double[n], gradient, cancellation);
        else
            Loop(f, x, rule, stencil.ActiveOffsets, stencil.ActiveWeights, point, gradient, cancellation);
        return new DifferentiationInfo(n * stencil.ActiveOffsets.Length, StepSetup.Check(gradient));
    }

    /// <summary>The step of coordinate i: the user's made exact, or the error-balancing rule — the
    /// same arithmetic as the step kernels.</summary>
    private readonly ref struct StepSource(ReadOnlySpan<double> given, ReadOnlySpan<double> scales, double baseStep)
    {
        private readonly ReadOnlySpan<double> given = given;
        private readonly ReadOnlySpan<double> scales = scales;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal double At(ReadOnlySpan<double> x, int i) => given.IsEmpty
            ? DifferenceKernelsReference.Step(x[i], scales.IsEmpty ? 1.0 : scales[i], baseStep)
            : StepRule.MakeExact(x[i], given[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Loop(ScalarFunction f, ReadOnlySpan<double> x, in StepSource rule, double[] offsets, double[] weights,
        Span<double> point, Span<double> gradient, CancellationToken cancellation)
    {
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
            gradient[i] = sum / h;
        }
    }

    /// <summary><see cref="Loop"/> unrolled for the two-point stencils (the default central one,
    /// forward and backward of accuracy 1): the same operations in the same order, less loop
    /// bookkeeping around each call. The divisions get a pass of their own: inside the loop each
    /// one waited on the call before it and held up the next evaluation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TwoPointLoop(ScalarFunction f, ReadOnlySpan<double> x, in StepSource rule, double[] offsets, double[] weights,
        Span<double> point, Span<double> steps, Span<double> gradient, CancellationToken cancellation)
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
        for (var i = 0; i < n; i++)
            gradient[i] /= steps[i];
    }
}
