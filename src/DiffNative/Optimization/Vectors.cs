namespace DiffNative;

/// <summary>The few dense vector operations the optimisers need, on spans.</summary>
internal static class Vectors
{
    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    internal static double MaxAbs(ReadOnlySpan<double> a)
    {
        var max = 0.0;
        foreach (var v in a) max = Math.Max(max, Math.Abs(v));
        return max;
    }

    /// <summary>destination = x + α·d.</summary>
    internal static void MoveAlong(ReadOnlySpan<double> x, double alpha, ReadOnlySpan<double> d, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++) destination[i] = x[i] + alpha * d[i];
    }

    /// <summary>max |aᵢ − bᵢ|.</summary>
    internal static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var max = 0.0;
        for (var i = 0; i < a.Length; i++) max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }

    internal static bool AllFinite(ReadOnlySpan<double> a)
    {
        foreach (var v in a)
            if (!double.IsFinite(v)) return false;
        return true;
    }
}
