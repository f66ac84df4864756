namespace DiffNative;

/// <summary>Turns a stencil's samples into differences before they are weighted, in place:
/// Σⱼ wⱼfⱼ = Σⱼ wⱼ(fⱼ − f₀) for weights that sum to 0 (derivative ≥ 1), and a central stencil of
/// odd order (weights exactly antisymmetric) pairs its mirrored samples, fⱼ − f₋ⱼ, instead. Equal
/// in exact arithmetic; in floating point a function that does not change along a coordinate gives
/// exactly 0 (a Jacobian's structural zeros at any accuracy, one-sided included: correctly rounded
/// weights need not sum to exactly 0, and 1/12 − 2/3 + 2/3 − 1/12 is 3·2⁻⁵⁶ added in order), and a
/// large constant part of f cancels before the weights multiply it. The combination kernels then
/// weight the differences unchanged (a zero row adds ±0), so every backend gives the same bits; the
/// scalar engine and the gradient's own loop sum the same differences in the same order.</summary>
internal static class SampleDifferences
{
    /// <summary>Rows of <paramref name="stride"/> values, one per active offset of the stencil, in
    /// its order.</summary>
    internal static void Apply(Stencil stencil, Span<double> rows, int stride)
    {
        var offsets = stencil.ActiveOffsets;
        var k = offsets.Length;
        if (OddCentral(stencil))
        {
            for (var j = 0; j < k / 2; j++)
            {
                var left = rows.Slice(j * stride, stride);
                var right = rows.Slice((k - 1 - j) * stride, stride);
                for (var e = 0; e < stride; e++) left[e] -= right[e];
                right.Clear();
            }
            return;
        }
        var c = Centre(stencil);
        var centre = rows.Slice(c * stride, stride);
        for (var j = 0; j < k; j++)
        {
            if (j == c) continue;
            var row = rows.Slice(j * stride, stride);
            for (var e = 0; e < stride; e++) row[e] -= centre[e];
        }
        centre.Clear();
    }

    /// <summary>Whether the stencil pairs mirrored samples rather than subtracting the centre.</summary>
    internal static bool OddCentral(Stencil stencil) => stencil.Scheme == DifferenceScheme.Central && stencil.Derivative % 2 == 1;

    /// <summary>The index of offset 0 among the active offsets (every stencil but an odd central one has it).</summary>
    internal static int Centre(Stencil stencil) => Array.IndexOf(stencil.ActiveOffsets, 0.0);
}
