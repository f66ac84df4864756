using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DiffNative.Reference;

namespace DiffNative;

/// <summary>The vector-wide passes around the gradient loop's evaluations: the steps, both
/// perturbed coordinates and the point check in one pass, the divisions and the result check in
/// another, four coordinates at a time, so that between two calls of f the loop only copies a
/// prepared value. Each lane runs the scalar rule's operations in the same order (no fused
/// multiply-add), so the bits are those of <see cref="DifferenceKernelsReference"/> and of the
/// native kernels. The step pass ends a length that is not a multiple of four with one vector
/// that overlaps the one before: every lane's value depends only on its own inputs, so the
/// overlap writes the same bits twice instead of running a scalar tail.</summary>
internal static class GradientPasses
{
    private static int Lanes => Vector256<double>.Count;

    private static bool Vectorised(int n) => Vector256.IsHardwareAccelerated && n >= Vector256<double>.Count;

    /// <summary>Fills the loop's stack block from x: the point (a copy of x) and the steps hᵢ — the
    /// user's steps made exact when <paramref name="given"/> is not empty, else the
    /// error-balancing rule with the typical scales (1 when empty) — and, for a two-point block
    /// (<see cref="TwoPointBlock"/> values per coordinate), xᵢ + o₀hᵢ, xᵢ + o₁hᵢ and a second copy of
    /// x. The copies ride on the pass that reads x anyway, instead of two more. Returns whether
    /// every xᵢ is finite (a sum of x − x, NaN as soon as one is not), for the same reason.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Prepare(ReadOnlySpan<double> x, ReadOnlySpan<double> given, ReadOnlySpan<double> scales, double baseStep,
        Span<double> block, double offset0, double offset1)
    {
        var n = x.Length;
        var twoPoint = block.Length == TwoPointBlock * n;
        if (!Vectorised(n))
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var xi = x[i];
                var h = !given.IsEmpty ? StepRule.MakeExact(xi, given[i])
                    : DifferenceKernelsReference.Step(xi, scales.IsEmpty ? 1.0 : scales[i], baseStep);
                block[i] = xi;
                block[n + i] = h;
                if (twoPoint)
                {
                    block[2 * n + i] = xi + offset0 * h;
                    block[3 * n + i] = xi + offset1 * h;
                    block[4 * n + i] = xi;
                }
                sum += xi - xi;
            }
            return sum == 0.0;
        }
        var check = Vector256<double>.Zero;
        for (var i = 0; ; i += Lanes)
        {
            if (i > n - Lanes) i = n - Lanes; // the overlapping last vector
            check += PrepareLanes(x, given, scales, baseStep, block, twoPoint, offset0, offset1, i);
            if (i == n - Lanes) break;
        }
        return Vector256.EqualsAll(check, Vector256<double>.Zero);
    }

    /// <summary>Values per coordinate in a two-point block: the point, the steps, both perturbed
    /// coordinates and a copy of x.</summary>
    internal const int TwoPointBlock = 5;

    /// <summary>Values per coordinate in any other stencil's block: the point and the steps.</summary>
    internal const int AnyStencilBlock = 2;

    /// <summary>Four coordinates of <see cref="Prepare"/> from <paramref name="i"/>; returns x − x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PrepareLanes(ReadOnlySpan<double> x, ReadOnlySpan<double> given, ReadOnlySpan<double> scales,
        double baseStep, Span<double> block, bool twoPoint, double offset0, double offset1, int i)
    {
        var n = (nuint)x.Length;
        var at = (nuint)i;
        var xi = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(x), at);
        Vector256<double> h;
        if (!given.IsEmpty)
        {
            var g = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(given), at);
            var exact = (xi + g) - xi;
            h = Vector256.ConditionalSelect(Vector256.GreaterThan(exact, Vector256<double>.Zero), exact, g);
        }
        else
        {
            var scale = scales.IsEmpty ? Vector256.Create(1.0) : Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(scales), at);
            var ax = Vector256.Abs(xi);
            var t = Vector256.Create(baseStep) * Vector256.ConditionalSelect(Vector256.GreaterThan(ax, scale), ax, scale);
            var made = (xi + t) - xi;
            h = Vector256.ConditionalSelect(Vector256.GreaterThan(made, Vector256<double>.Zero), made, t);
        }
        ref var start = ref MemoryMarshal.GetReference(block);
        xi.StoreUnsafe(ref start, at);
        h.StoreUnsafe(ref start, n + at);
        if (twoPoint)
        {
            (xi + Vector256.Create(offset0) * h).StoreUnsafe(ref start, 2 * n + at);
            (xi + Vector256.Create(offset1) * h).StoreUnsafe(ref start, 3 * n + at);
            xi.StoreUnsafe(ref start, 4 * n + at);
        }
        return xi - xi;
    }

    /// <summary>gᵢ ← sᵢ / hᵢ (<paramref name="sums"/> may be <paramref name="gradient"/> itself);
    /// whether every quotient is finite. The tail is scalar, not an overlapping vector: the sums
    /// were just stored one by one, and a vector load over the last few of those stores cannot be
    /// forwarded from them, so it would wait for them to retire.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool DivideAllFinite(ReadOnlySpan<double> sums, ReadOnlySpan<double> steps, Span<double> gradient)
    {
        var n = gradient.Length;
        var end = Vector256.IsHardwareAccelerated ? n - n % Lanes : 0;
        ref var ss = ref MemoryMarshal.GetReference(sums);
        ref var hs = ref MemoryMarshal.GetReference(steps);
        ref var gs = ref MemoryMarshal.GetReference(gradient);
        var check = Vector256<double>.Zero;
        for (var i = 0; i < end; i += Lanes)
        {
            var g = Vector256.LoadUnsafe(ref ss, (nuint)i) / Vector256.LoadUnsafe(ref hs, (nuint)i);
            g.StoreUnsafe(ref gs, (nuint)i);
            check += g - g;
        }
        var tail = 0.0;
        for (var i = end; i < n; i++)
        {
            var g = sums[i] / steps[i];
            gradient[i] = g;
            tail += g - g;
        }
        return tail == 0.0 && Vector256.EqualsAll(check, Vector256<double>.Zero);
    }
}
