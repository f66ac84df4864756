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

    /// <summary>hᵢ — the user's steps made exact when <paramref name="given"/> is not empty, else the
    /// error-balancing rule with the typical scales (1 when empty) — and, when the outputs are not
    /// empty, xᵢ + o₀hᵢ and xᵢ + o₁hᵢ. Returns whether every xᵢ is finite (a sum of x − x, NaN as soon
    /// as one is not), so the point check rides on a pass that reads x anyway.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool Prepare(ReadOnlySpan<double> x, ReadOnlySpan<double> given, ReadOnlySpan<double> scales, double baseStep,
        Span<double> steps, double offset0, Span<double> first, double offset1, Span<double> second)
    {
        var n = x.Length;
        if (!Vectorised(n))
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var h = !given.IsEmpty ? StepRule.MakeExact(x[i], given[i])
                    : DifferenceKernelsReference.Step(x[i], scales.IsEmpty ? 1.0 : scales[i], baseStep);
                steps[i] = h;
                if (!first.IsEmpty)
                {
                    first[i] = x[i] + offset0 * h;
                    second[i] = x[i] + offset1 * h;
                }
                sum += x[i] - x[i];
            }
            return sum == 0.0;
        }
        var check = Vector256<double>.Zero;
        for (var i = 0; ; i += Lanes)
        {
            if (i > n - Lanes) i = n - Lanes; // the overlapping last vector
            check += PrepareLanes(x, given, scales, baseStep, steps, offset0, first, offset1, second, i);
            if (i == n - Lanes) break;
        }
        return Vector256.EqualsAll(check, Vector256<double>.Zero);
    }

    /// <summary>Four coordinates of <see cref="Prepare"/> from <paramref name="i"/>; returns x − x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PrepareLanes(ReadOnlySpan<double> x, ReadOnlySpan<double> given, ReadOnlySpan<double> scales,
        double baseStep, Span<double> steps, double offset0, Span<double> first, double offset1, Span<double> second, int i)
    {
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
        h.StoreUnsafe(ref MemoryMarshal.GetReference(steps), at);
        if (!first.IsEmpty)
        {
            (xi + Vector256.Create(offset0) * h).StoreUnsafe(ref MemoryMarshal.GetReference(first), at);
            (xi + Vector256.Create(offset1) * h).StoreUnsafe(ref MemoryMarshal.GetReference(second), at);
        }
        return xi - xi;
    }

    /// <summary>gᵢ ← gᵢ / hᵢ; whether every quotient is finite. The tail is scalar, not an
    /// overlapping vector: the sums were just stored one by one, and a vector load over the last
    /// few of those stores cannot be forwarded from them, so it would wait for them to retire.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool DivideAllFinite(Span<double> gradient, ReadOnlySpan<double> steps)
    {
        var n = gradient.Length;
        var end = Vector256.IsHardwareAccelerated ? n - n % Lanes : 0;
        ref var gs = ref MemoryMarshal.GetReference(gradient);
        ref var hs = ref MemoryMarshal.GetReference(steps);
        var check = Vector256<double>.Zero;
        for (var i = 0; i < end; i += Lanes)
        {
            var g = Vector256.LoadUnsafe(ref gs, (nuint)i) / Vector256.LoadUnsafe(ref hs, (nuint)i);
            g.StoreUnsafe(ref gs, (nuint)i);
            check += g - g;
        }
        var tail = 0.0;
        for (var i = end; i < n; i++)
        {
            var g = gradient[i] / steps[i];
            gradient[i] = g;
            tail += g - g;
        }
        return tail == 0.0 && Vector256.EqualsAll(check, Vector256<double>.Zero);
    }
}
