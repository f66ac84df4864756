using System.Runtime.CompilerServices;

namespace DiffNative.Reference;

/// <summary>Managed reference of native/src/kernels/sparse.c, with the same operations in the same
/// order, so both give the same bits.</summary>
internal static class SparseCombineReference
{
    /// <summary>outₑ = (Σⱼ wⱼ·V[j·stride + sourcesₑ]) / steps[columnsₑ] for every e of
    /// <paramref name="sources"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Combine(ReadOnlySpan<double> values, int stride, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> sources, ReadOnlySpan<int> columns, ReadOnlySpan<double> steps, Span<double> output)
    {
        for (var e = 0; e < sources.Length; e++)
        {
            var sum = 0.0;
            for (var j = 0; j < weights.Length; j++)
                sum += weights[j] * values[j * stride + sources[e]];
            output[e] = sum / steps[columns[e]];
        }
    }
}
