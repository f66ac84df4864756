using System.Runtime.CompilerServices;

namespace DiffNative.Reference;

/// <summary>Managed references of the vector-wide kernels of function differentiation, with the
/// operations in the same order as native/src/kernels/difference.c so both give the same bits.
/// Hot loops are compiled fully optimised at once: tiering's on-stack replacement left them, and
/// the evaluation loops, several times slower in steady state.</summary>
internal static class DifferenceKernelsReference
{
    /// <summary>hᵢ = (xᵢ + tᵢ) − xᵢ with tᵢ = baseStep·max(|xᵢ|, scaleᵢ) (scale 1 when none given):
    /// the error-balancing step, made exactly representable as a difference from xᵢ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Steps(ReadOnlySpan<double> x, ReadOnlySpan<double> scales, double baseStep, Span<double> steps)
    {
        for (var i = 0; i < x.Length; i++)
            steps[i] = Step(x[i], scales.IsEmpty ? 1.0 : scales[i], baseStep);
    }

    /// <summary>One coordinate of <see cref="Steps"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Step(double x, double scale, double baseStep)
    {
        var ax = Math.Abs(x);
        var t = baseStep * (ax > scale ? ax : scale);
        var h = (x + t) - x;
        return h > 0 ? h : t;
    }

    /// <summary>outₑ = (Σⱼ wⱼ·V[j·stride + e]) / hₑᵈ for e in [0, count).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Combine(ReadOnlySpan<double> values, int stride, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> steps, int derivative, Span<double> output)
    {
        for (var e = 0; e < output.Length; e++)
        {
            var sum = 0.0;
            for (var j = 0; j < weights.Length; j++)
                sum += weights[j] * values[j * stride + e];
            var h = steps[e];
            var power = h;
            for (var k = 1; k < derivative; k++) power *= h;
            output[e] = sum / power;
        }
    }

    /// <summary>The dense symmetric Hessian from second differences: Hᵢᵢ = ((f⁺ᵢ + f⁻ᵢ) − 2f₀)/(hᵢhᵢ)
    /// and Hᵢⱼ = Hⱼᵢ = (((f⁺⁺ − f⁺⁻) − f⁻⁺) + f⁻⁻)/((4hᵢ)hⱼ), the pair values packed row by row
    /// over i &lt; j.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AssembleHessian(double centre, ReadOnlySpan<double> plus, ReadOnlySpan<double> minus,
        ReadOnlySpan<double> pp, ReadOnlySpan<double> pm, ReadOnlySpan<double> mp, ReadOnlySpan<double> mm,
        ReadOnlySpan<double> steps, Span<double> hessian)
    {
        var n = steps.Length;
        var twiceCentre = 2.0 * centre;
        var p = 0;
        for (var i = 0; i < n; i++)
        {
            var hi = steps[i];
            hessian[i * n + i] = ((plus[i] + minus[i]) - twiceCentre) / (hi * hi);
            var fourHi = 4.0 * hi;
            for (var j = i + 1; j < n; j++, p++)
            {
                var value = (((pp[p] - pm[p]) - mp[p]) + mm[p]) / (fourHi * steps[j]);
                hessian[i * n + j] = value;
                hessian[j * n + i] = value;
            }
        }
    }
}
