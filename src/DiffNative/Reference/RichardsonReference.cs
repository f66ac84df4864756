namespace DiffNative.Reference;

/// <summary>The managed reference of dn_richardson_level: the same operations, comparisons and
/// NaN behaviour as native/src/kernels/difference.c.</summary>
internal static class RichardsonReference
{
    internal static void Level(int count, int level, ReadOnlySpan<double> previous, Span<double> current,
        ReadOnlySpan<double> denominators, Span<double> best, Span<double> error, Span<double> bestLevel)
    {
        if (level == 0)
        {
            current[..count].CopyTo(best);
            error[..count].Fill(double.PositiveInfinity);
            bestLevel[..count].Clear();
            return;
        }
        double levelValue = level;
        for (var j = 1; j <= level; j++)
        {
            var below = current.Slice((j - 1) * count, count);
            var left = previous.Slice((j - 1) * count, count);
            var column = current.Slice(j * count, count);
            var denominator = denominators[j - 1];
            for (var e = 0; e < count; e++)
            {
                double c = below[e], l = left[e];
                var v = c + (c - l) / denominator;
                column[e] = v;
                double d1 = Math.Abs(v - c), d2 = Math.Abs(v - l);
                var d = d1 > d2 ? d1 : d2; // not Math.Max: NaN must behave as in C
                if (d <= error[e])
                {
                    error[e] = d;
                    best[e] = v;
                    bestLevel[e] = levelValue;
                }
            }
        }
    }
}
