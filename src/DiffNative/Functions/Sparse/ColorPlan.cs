namespace DiffNative;

/// <summary>Compressed first-derivative stencils: point (j, c) = x + offsets[j]·Σ hᵢeᵢ over the
/// columns i of colour c, j-major so that each stencil point's values over all colours form one
/// contiguous block; with <paramref name="centre"/>, point 0 is x itself, evaluated once for every
/// colour. A perturbation's I is its colour and A its offset.</summary>
internal readonly struct ColorPlan(double[] offsets, double[] steps, int[] colorPointers, int[] colorColumns, int colors, bool centre) : IPointPlan
{
    private int First => centre ? 1 : 0;

    public int Count => First + offsets.Length * colors;

    public Perturbation this[int k]
    {
        get
        {
            if (centre && k == 0) return Perturbation.Centre;
            var q = k - First;
            var j = q / colors;
            return new Perturbation(q - j * colors, offsets[j], -1, 0, 0);
        }
    }

    public void Apply(in Perturbation p, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point)
    {
        if (p.I < 0) return;
        // x + offset·h per column, the same expression as a single-axis stencil point, so a column's
        // perturbed coordinate has the dense engine's bits.
        for (var k = colorPointers[p.I]; k < colorPointers[p.I + 1]; k++)
        {
            var i = colorColumns[k];
            point[i] = x[i] + p.A * steps[i];
        }
    }

    public int DeltaCount(in Perturbation p) => p.I < 0 ? 0 : colorPointers[p.I + 1] - colorPointers[p.I];

    /// <summary>x[i] + offset·h is x[i] + (offset·h): the amount is the product, rounded, as in
    /// <see cref="Apply"/>.</summary>
    public void DescribeDeltas(in Perturbation p, Span<int> indices, Span<double> deltas)
    {
        if (p.I < 0) return;
        var first = colorPointers[p.I];
        for (var k = first; k < colorPointers[p.I + 1]; k++)
        {
            var i = colorColumns[k];
            indices[k - first] = i;
            deltas[k - first] = p.A * steps[i];
        }
    }

    public void Restore(in Perturbation p, ReadOnlySpan<double> x, Span<double> point)
    {
        if (p.I < 0) return;
        for (var k = colorPointers[p.I]; k < colorPointers[p.I + 1]; k++)
            point[colorColumns[k]] = x[colorColumns[k]];
    }
}
