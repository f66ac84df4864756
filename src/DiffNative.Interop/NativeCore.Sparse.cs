namespace DiffNative.Interop;

/// <summary>Sparse decompression of coloured differences (api_sparse.c).</summary>
internal static unsafe partial class NativeCore
{
    internal static void SparseCombine(Isa? isa, ReadOnlySpan<double> values, int stride, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> sources, ReadOnlySpan<int> columns, ReadOnlySpan<double> steps, Span<double> output)
    {
        fixed (double* pv = values)
        fixed (double* pw = weights)
        fixed (int* ps = sources)
        fixed (int* pc = columns)
        fixed (double* ph = steps)
        fixed (double* po = output)
            Ensure.Success(NativeMethods.dn_sparse_combine((int)(isa ?? 0), pv, (nuint)values.Length, (nuint)stride, pw, (nuint)weights.Length,
                ps, pc, (nuint)sources.Length, ph, (nuint)steps.Length, po, (nuint)output.Length), "dn_sparse_combine");
    }
}
