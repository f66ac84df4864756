namespace DiffNative;

/// <summary>Applies a stencil to a scalar function: h⁻ᵈ·Σⱼ wⱼ f(x + oⱼh), summed in stencil order
/// and skipping zero weights (they cost an evaluation and add nothing).</summary>
internal static class StencilEvaluation
{
    /// <summary>The estimate; <paramref name="left"/> and <paramref name="right"/> receive f(x−h)
    /// and f(x+h) when the stencil samples them (NaN otherwise), for the differentiability check.</summary>
    internal static double Apply<TFunction>(Stencil stencil, ref TFunction f, double x, double h,
        ref int evaluations, ref double functionScale, out double left, out double right)
        where TFunction : IRealFunction, allows ref struct
    {
        left = right = double.NaN;
        var offsets = stencil.Offsets;
        var weights = stencil.Weights;
        var sum = 0.0;
        for (var j = 0; j < offsets.Length; j++)
        {
            if (weights[j] == 0) continue;
            var value = f.At(x + offsets[j] * h);
            evaluations++;
            if (double.IsFinite(value)) functionScale = Math.Max(functionScale, Math.Abs(value));
            if (offsets[j] == -1) left = value;
            else if (offsets[j] == 1) right = value;
            sum += weights[j] * value;
        }
        return sum / PowerOfStep(h, stencil.Derivative);
    }

    /// <summary>hᵈ by repeated multiplication, the same in every backend.</summary>
    internal static double PowerOfStep(double h, int d)
    {
        var p = h;
        for (var k = 1; k < d; k++) p *= h;
        return p;
    }
}
