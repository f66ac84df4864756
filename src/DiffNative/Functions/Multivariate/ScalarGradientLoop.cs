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
    /// <summary>Above this the stack buffers (32 KB) give way to the pooled path.</summary>
    internal const int MaxCoordinates = 1024;

    /// <summary>Whether a per-point scalar function's gradient with these options takes this loop:
    /// fixed steps, no bounds, sequential, and a point small enough for the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Applies(ReadOnlySpan<double> x, DifferentiationOptions options) =>
        !options.Adaptive && !options.Parallel && options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty
        && x.Length <= MaxCoordinates;

    /// <summary>The gradient, for options already validated and a gradient of at least n values
    /// apart from x; x itself is checked here, on the step pass, before anything is written.</summary>
    internal static DifferentiationInfo Compute(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        var stencil = Stencils.FirstDerivative(options.Scheme, AxisGroups.OneSidedSafe(options.Scheme, options.Accuracy));
        var baseStep = StepRule.BaseStep(1, options.Accuracy);
        // ReadOnlyMemory.Span costs a type test each; the default options hold neither array.
        var given = options.Steps.IsEmpty ? default : options.Steps.Span;
        var scales = options.TypicalScales.IsEmpty ? default : options.TypicalScales.Span;
        var finite = stencil.ActiveOffsets.Length == 2
            ? TwoPoint(f, x, gradient[..x.Length], given, scales, baseStep, stencil, cancellation)
            : AnyStencil(f, x, gradient[..x.Length], given, scales, baseStep, stencil, cancellation);
        // A token that fired during the last coordinate's evaluations still means no result.
        cancellation.ThrowIfCancellationRequested();
        return new DifferentiationInfo(x.Length * stencil.ActiveOffsets.Length, finite ? DerivativeStatus.Ok : DerivativeStatus.NonFinite);
    }

    /// <summary>The two-point stencils (the default central one, forward and backward of accuracy
    /// 1). Both perturbed coordinates are prepared in the vector step pass, so that between two
    /// calls the loop only copies a value: a multiply and an add there would wait on reloads,
    /// since no xmm register survives a call.</summary>
    [SkipLocalsInit] // every element of the stack buffer is written before it is read
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // tiered, with its passes inlined only at tier 1, it ran 3-5 % slower
    private static bool TwoPoint(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient, ReadOnlySpan<double> given,
        ReadOnlySpan<double> scales, double baseStep, Stencil stencil, CancellationToken cancellation)
    {
        var n = x.Length;
        Span<double> buffers = stackalloc double[4 * n]; // the point, the steps, both perturbed coordinates
        var point = buffers[..n];
        var steps = buffers.Slice(n, n);
        var first = buffers.Slice(2 * n, n);
        var second = buffers.Slice(3 * n, n);
        var (o0, o1, w0, w1) = (stencil.ActiveOffsets[0], stencil.ActiveOffsets[1], stencil.ActiveWeights[0], stencil.ActiveWeights[1]);
        // The default rule gets a pass of its own, with the empty spans known to the compiler.
        var pointFinite = given.IsEmpty && scales.IsEmpty
            ? GradientPasses.Prepare(x, default, default, baseStep, steps, o0, first, o1, second)
            : GradientPasses.Prepare(x, given, scales, baseStep, steps, o0, first, o1, second);
        if (!pointFinite)
            Finite.RequirePoint(x); // throws, naming the first coordinate that is not finite; nothing was written
        x.CopyTo(point);
        // Even a hoisted flag tested per coordinate showed; a token that cannot fire gets a loop
        // without the test.
        if (cancellation.CanBeCanceled)
            TwoPointEvaluations<TokenChecked>(f, x, point, first, second, w0, w1, gradient, cancellation);
        else
            TwoPointEvaluations<TokenUnchecked>(f, x, point, first, second, w0, w1, gradient, cancellation);
        return GradientPasses.DivideAllFinite(gradient, steps);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)] // kept in the caller's frame: a call of its own cost a few per cent at n = 10
    private static void TwoPointEvaluations<TCheck>(ScalarFunction f, ReadOnlySpan<double> x, Span<double> point,
        ReadOnlySpan<double> first, ReadOnlySpan<double> second, double w0, double w1, Span<double> gradient, CancellationToken cancellation)
        where TCheck : ITokenCheck
    {
        for (var i = 0; i < x.Length; i++)
        {
            if (TCheck.Checks) cancellation.ThrowIfCancellationRequested();
            point[i] = first[i];
            var v0 = f(point);
            point[i] = second[i];
            var v1 = f(point);
            point[i] = x[i];
            var sum = 0.0;
            sum += w0 * v0;
            sum += w1 * v1;
            gradient[i] = sum;
        }
    }

    /// <summary>Whether a loop tests the cancellation token, known when the loop is compiled.</summary>
    private interface ITokenCheck
    {
        static abstract bool Checks { get; }
    }

    private readonly struct TokenChecked : ITokenCheck
    {
        public static bool Checks => true;
    }

    private readonly struct TokenUnchecked : ITokenCheck
    {
        public static bool Checks => false;
    }

    /// <summary>Any stencil: its evaluations one offset after another, the sum in the same order
    /// as the combination kernel.</summary>
    [SkipLocalsInit] // every element of the stack buffer is written before it is read
    private static bool AnyStencil(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient, ReadOnlySpan<double> given,
        ReadOnlySpan<double> scales, double baseStep, Stencil stencil, CancellationToken cancellation)
    {
        var n = x.Length;
        Span<double> buffers = stackalloc double[2 * n]; // the point and the steps
        var point = buffers[..n];
        var steps = buffers.Slice(n, n);
        if (!GradientPasses.Prepare(x, given, scales, baseStep, steps, 0, default, 0, default))
            Finite.RequirePoint(x); // throws, naming the first coordinate that is not finite; nothing was written
        x.CopyTo(point);
        var (offsets, weights) = (stencil.ActiveOffsets, stencil.ActiveWeights);
        for (var i = 0; i < n; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var xi = x[i];
            var h = steps[i];
            var sum = 0.0;
            for (var j = 0; j < offsets.Length; j++)
            {
                point[i] = xi + offsets[j] * h;
                sum += weights[j] * f(point);
            }
            point[i] = xi;
            gradient[i] = sum;
        }
        return GradientPasses.DivideAllFinite(gradient, steps);
    }
}
