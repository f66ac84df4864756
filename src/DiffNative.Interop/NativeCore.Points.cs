namespace DiffNative.Interop;

/// <summary>The perturbed points of a batch function (api_points.c).</summary>
internal static unsafe partial class NativeCore
{
    /// <summary>The perturbed points of a batch (see dn_fd_points): one row per entry of
    /// <paramref name="rowStarts"/> but the last; an empty <paramref name="shifts"/> or
    /// <paramref name="direction"/> is passed as NULL.</summary>
    internal static void FdPoints(Isa? isa, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, ReadOnlySpan<double> shifts,
        ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> indices, ReadOnlySpan<double> deltas, Span<double> points)
    {
        fixed (double* px = x)
        fixed (double* pv = direction)
        fixed (double* pt = shifts)
        fixed (int* pr = rowStarts)
        fixed (int* pi = indices)
        fixed (double* pd = deltas)
        fixed (double* po = points)
            Ensure.Success(NativeMethods.dn_fd_points((int)(isa ?? 0), px, (nuint)x.Length, pv, pt, (nuint)Math.Max(0, rowStarts.Length - 1),
                pr, pi, pd, (nuint)Math.Min(indices.Length, deltas.Length), po, (nuint)points.Length), "dn_fd_points");
    }
}
