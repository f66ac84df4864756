namespace DiffNative.Reference;

/// <summary>Managed reference of native/src/kernels/points.c: the perturbed points of a batch from
/// their (shift, CSR deltas) description, with the operations of the plans' own
/// <see cref="Perturbation.ApplyTo"/> in the same order, so every path gives the same bits.</summary>
internal static class PointsReference
{
    /// <summary>Row r of <paramref name="points"/> (n = x.Length wide) = x + shifts[r]·direction
    /// where shifts is not empty and shifts[r] ≠ 0, else x; then points[r·n + indices[k]] +=
    /// deltas[k] for k in [rowStarts[r], rowStarts[r+1]).</summary>
    internal static void Build(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, ReadOnlySpan<double> shifts,
        ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> indices, ReadOnlySpan<double> deltas, Span<double> points)
    {
        var n = x.Length;
        for (var r = 0; r < rowStarts.Length - 1; r++)
        {
            var row = points.Slice(r * n, n);
            var t = shifts.IsEmpty ? 0.0 : shifts[r];
            if (t != 0)
                for (var e = 0; e < n; e++) row[e] = x[e] + t * direction[e];
            else
                x.CopyTo(row);
            for (var k = rowStarts[r]; k < rowStarts[r + 1]; k++)
                row[indices[k]] = row[indices[k]] + deltas[k];
        }
    }
}
