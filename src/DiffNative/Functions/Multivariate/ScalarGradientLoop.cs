using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    /// <summary>Above this the stack buffers (at most 40 KB: five values per coordinate) give way to the pooled path.</summary>
    internal const int MaxCoordinates = 1024;

    /// <summary>Whether a per-point scalar function's gradient with these options takes this loop:
    /// fixed steps, no bounds, sequential, and a point small enough for the stack.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Applies(ReadOnlySpan<double> x, DifferentiationOptions options) =>
        !options.Adaptive && !options.Parallel && options.LowerBounds.IsEmpty && options.UpperBounds.IsEmpty
        && x.Length <= MaxCoordinates;

    /// <summary>The gradient, for options already validated and a gradient of at least n values
    /// apart from x; x itself is checked here, on the step pass, before anything is written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // one frame less between the entry point and the loop
    internal static DifferentiationInfo Compute(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient,
        DifferentiationOptions options, CancellationToken cancellation)
    {
        // ReadOnlyMemory.Span costs a type test each; the default options hold neither array.
        var given = options.Steps.IsEmpty ? default : options.Steps.Span;
        var scales = options.TypicalScales.IsEmpty ? default : options.TypicalScales.Span;
        var check = GradientStepCheck.Applies(options);
        var info = TwoPointStencil.For(options.Scheme, options.Accuracy) is { } two
            ? TwoPoint(f, x, gradient[..x.Length], given, scales, two, check, cancellation)
            : AnyStencil(f, x, gradient[..x.Length], given, scales, options, check, cancellation);
        return given.IsEmpty ? info : info with { Status = UsersSteps(info.Status, x, given, options) };
    }

    /// <summary>A user's steps, made exact as the loop made them, judged for resolution.</summary>
    private static DerivativeStatus UsersSteps(DerivativeStatus status, ReadOnlySpan<double> x, ReadOnlySpan<double> given,
        DifferentiationOptions options)
    {
        if (status != DerivativeStatus.Ok) return status;
        Span<double> steps = stackalloc double[x.Length]; // at most MaxCoordinates
        for (var i = 0; i < x.Length; i++) steps[i] = StepRule.MakeExact(x[i], given[i]);
        return StepSetup.WithSteps(status, x, steps, options);
    }

    /// <summary>The two-point stencils (the default central one, forward and backward of accuracy
    /// 1). Both perturbed coordinates are prepared in the vector step pass, so that between two
    /// calls the loop only copies a value: a multiply and an add there would wait on reloads,
    /// since no xmm register survives a call.</summary>
    [SkipLocalsInit] // every element of the stack buffer is written before it is read
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // tiered, with its passes inlined only at tier 1, it ran 3-5 % slower
    private static DifferentiationInfo TwoPoint(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient, ReadOnlySpan<double> given,
        ReadOnlySpan<double> scales, TwoPointStencil stencil, bool check, CancellationToken cancellation)
    {
        var n = x.Length;
        // One block, at fixed distances from the point (see the loop): the point, the steps, both
        // perturbed coordinates (the first also receives the sums) and a copy of x.
        Span<double> block = stackalloc double[GradientPasses.TwoPointBlock * n];
        var point = block[..n];
        var steps = block.Slice(n, n);
        var first = block.Slice(2 * n, n);
        // The default rule gets a pass of its own, with the empty spans known to the compiler.
        var (o0, o1, baseStep) = (stencil.Offset0, stencil.Offset1, stencil.BaseStep);
        var pointFinite = given.IsEmpty && scales.IsEmpty
            ? GradientPasses.Prepare(x, default, default, baseStep, block, o0, o1)
            : GradientPasses.Prepare(x, given, scales, baseStep, block, o0, o1);
        if (!pointFinite)
            Finite.RequirePoint(x); // throws, naming the first coordinate that is not finite; nothing was written
        int evaluations;
        if (stencil.OneSided)
        {
            OneSidedEvaluations(f, point, stencil, cancellation);
            evaluations = n == 0 ? 0 : n + 1;
        }
        else
        {
            // Even a hoisted flag tested per coordinate showed; a token that cannot fire gets a loop
            // without the test.
            if (cancellation.CanBeCanceled)
                TwoPointEvaluations<TokenChecked>(f, point, stencil.Weight0, stencil.Weight1, cancellation);
            else
                TwoPointEvaluations<TokenUnchecked>(f, point, stencil.Weight0, stencil.Weight1, cancellation);
            evaluations = 2 * n;
        }
        var finite = GradientPasses.DivideAllFinite(first, steps, gradient);
        var checkedF = new PointDelegate(f);
        var status = finite && check
            ? GradientStepCheck.Run(ref checkedF, point, steps, block.Slice(3 * n, n), default, gradient, given, scales, 2, 1, ref evaluations, cancellation)
            : DerivativeStatus.Ok;
        return Result(finite, status, evaluations, cancellation);
    }

    /// <summary>Both evaluations of every coordinate. The point is the first of five n-long blocks
    /// (point, steps, first coordinates, second coordinates, a copy of x), so everything the loop
    /// touches sits at a multiple of n from the point's own element: across the calls of f only
    /// the delegate, that element and n stay live, which fits the registers a call preserves
    /// (with five spans they did not, and the reloads cost a few per cent at n = 10). Each sum
    /// replaces its first coordinate and v₀ + v₁ (the step check's outer sum) its second, which are
    /// no longer needed. Only <see cref="TwoPoint"/>'s
    /// block may be passed: taking the block itself and checking its length kept one more value
    /// live across the calls and measured 4 % slower at n = 10.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // kept in the caller's frame: a call of its own cost a few per cent at n = 10
    private static void TwoPointEvaluations<TCheck>(ScalarFunction f, Span<double> point, double w0, double w1,
        CancellationToken cancellation)
        where TCheck : ITokenCheck
    {
        var n = point.Length;
        ref var coordinate = ref MemoryMarshal.GetReference(point);
        ref var end = ref Unsafe.Add(ref coordinate, n);
        for (; Unsafe.IsAddressLessThan(ref coordinate, ref end); coordinate = ref Unsafe.Add(ref coordinate, 1))
        {
            if (TCheck.Checks) cancellation.ThrowIfCancellationRequested();
            coordinate = Unsafe.Add(ref coordinate, 2 * n); // x + o₀h
            var v0 = f(point);
            coordinate = Unsafe.Add(ref coordinate, 3 * n); // x + o₁h
            var v1 = f(point);
            coordinate = Unsafe.Add(ref coordinate, 4 * n); // x
            var sum = 0.0;
            sum += w0 * v0;
            sum += w1 * v1;
            Unsafe.Add(ref coordinate, 2 * n) = sum;
            Unsafe.Add(ref coordinate, 3 * n) = v0 + v1;
        }
    }

    /// <summary>A one-sided two-point stencil's evaluations: f(x) once, since offset 0 is the same
    /// point for every coordinate, then each coordinate's other point, summed as
    /// <see cref="TwoPointEvaluations{TCheck}"/> sums them (w₀v₀ then w₁v₁) into the first
    /// coordinates' block. No step check reads the outer sums of a one-sided stencil.</summary>
    private static void OneSidedEvaluations(ScalarFunction f, Span<double> point, TwoPointStencil stencil, CancellationToken cancellation)
    {
        var n = point.Length;
        if (n == 0) return;
        cancellation.ThrowIfCancellationRequested();
        var centre = f(point); // the point is still x
        var centreFirst = stencil.Offset0 == 0;
        var (w0, w1) = (stencil.Weight0, stencil.Weight1);
        var outer = centreFirst ? 3 * n : 2 * n; // where x + o·h of the other point was prepared
        for (var i = 0; i < n; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            ref var coordinate = ref point[i];
            coordinate = Unsafe.Add(ref coordinate, outer);
            var v = f(point);
            coordinate = Unsafe.Add(ref coordinate, 4 * n); // x
            var (v0, v1) = centreFirst ? (centre, v) : (v, centre);
            var sum = 0.0;
            sum += w0 * v0;
            sum += w1 * v1;
            Unsafe.Add(ref coordinate, 2 * n) = sum;
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

    /// <summary>Any stencil: its evaluations one offset after another, turned into the same
    /// differences as <see cref="SampleDifferences"/> makes of the kernel pipeline's rows, and
    /// summed in the same order as the combination kernel.</summary>
    [SkipLocalsInit] // every element of the stack buffer is written before it is read
    private static DifferentiationInfo AnyStencil(ScalarFunction f, ReadOnlySpan<double> x, Span<double> gradient, ReadOnlySpan<double> given,
        ReadOnlySpan<double> scales, DifferentiationOptions options, bool check, CancellationToken cancellation)
    {
        var stencil = Stencils.FirstDerivative(options.Scheme, AxisGroups.OneSidedSafe(options.Scheme, options.Accuracy));
        var baseStep = StepRule.BaseStep(1, options.Accuracy);
        var n = x.Length;
        Span<double> block = stackalloc double[GradientPasses.AnyStencilBlock * n]; // the point and the steps
        var point = block[..n];
        var steps = block.Slice(n, n);
        if (!GradientPasses.Prepare(x, given, scales, baseStep, block, 0, 0))
            Finite.RequirePoint(x); // throws, naming the first coordinate that is not finite; nothing was written
        var (offsets, weights) = (stencil.ActiveOffsets, stencil.ActiveWeights);
        // The outermost points, whose sum the step check reads (central stencils are symmetric).
        Span<double> outerSums = check ? stackalloc double[n] : default;
        var companion = check ? FixedStepDerivative.Companion(stencil) : null;
        Span<double> lowers = companion is not null ? stackalloc double[n] : default;
        var (outerLeft, outerRight) = (offsets.AsSpan().IndexOf(-stencil.Reach), offsets.AsSpan().IndexOf(stencil.Reach));
        Span<double> samples = stackalloc double[offsets.Length];
        // A one-sided stencil's offset 0 is x for every coordinate: f(x) once, copied into each.
        var centreIndex = offsets.AsSpan().IndexOf(0.0);
        var centre = 0.0;
        if (centreIndex >= 0 && n > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            centre = f(point); // the point is still x
        }
        for (var i = 0; i < n; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            var xi = x[i];
            var h = steps[i];
            for (var j = 0; j < offsets.Length; j++)
            {
                if (j == centreIndex)
                {
                    samples[j] = centre;
                    continue;
                }
                point[i] = xi + offsets[j] * h;
                samples[j] = f(point);
            }
            point[i] = xi;
            if (check) outerSums[i] = samples[outerLeft] + samples[outerRight];
            if (companion is not null) lowers[i] = GradientStepCheck.CompanionSum(stencil, companion, samples, 0, 1);
            SampleDifferences.Apply(stencil, samples, 1);
            var sum = 0.0;
            for (var j = 0; j < offsets.Length; j++)
                sum += weights[j] * samples[j];
            gradient[i] = sum;
        }
        var finite = GradientPasses.DivideAllFinite(gradient, steps, gradient);
        var evaluations = centreIndex >= 0 && n > 0 ? n * (offsets.Length - 1) + 1 : n * offsets.Length;
        var checkedF = new PointDelegate(f);
        var status = finite && check
            ? GradientStepCheck.Run(ref checkedF, point, steps, outerSums, lowers, gradient, given, scales, stencil.Accuracy, stencil.Reach, ref evaluations,
                cancellation)
            : DerivativeStatus.Ok;
        return Result(finite, status, evaluations, cancellation);
    }

    private static DifferentiationInfo Result(bool finite, DerivativeStatus checkedStatus, int evaluations, CancellationToken cancellation)
    {
        // A token that fired during the last coordinate's evaluations still means no result.
        cancellation.ThrowIfCancellationRequested();
        return new DifferentiationInfo(evaluations, finite ? checkedStatus : DerivativeStatus.NonFinite);
    }
}
