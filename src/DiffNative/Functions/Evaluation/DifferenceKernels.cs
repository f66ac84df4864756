using DiffNative.Interop;
using DiffNative.Reference;

namespace DiffNative;

/// <summary>Routes the vector-wide arithmetic to the native core or the managed reference.</summary>
internal static class DifferenceKernels
{
    internal static void Steps(Backend backend, ReadOnlySpan<double> x, ReadOnlySpan<double> scales, double baseStep, Span<double> steps)
    {
        if (backend.Kind == BackendKind.Native) NativeCore.FdSteps(backend.Isa, x, scales, baseStep, steps);
        else DifferenceKernelsReference.Steps(x, scales, baseStep, steps);
    }

    internal static void Combine(Backend backend, ReadOnlySpan<double> values, int stride, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> steps, int derivative, Span<double> output)
    {
        if (backend.Kind == BackendKind.Native) NativeCore.FdCombine(backend.Isa, values, stride, weights, steps, derivative, output);
        else DifferenceKernelsReference.Combine(values, stride, weights, steps, derivative, output);
    }

    /// <summary>Sparse decompression: each nonzero e combines row sourcesₑ of every stencil block
    /// and divides by its column's step.</summary>
    internal static void SparseCombine(Backend backend, ReadOnlySpan<double> values, int stride, ReadOnlySpan<double> weights,
        ReadOnlySpan<int> sources, ReadOnlySpan<int> columns, ReadOnlySpan<double> steps, Span<double> output)
    {
        if (backend.Kind == BackendKind.Native) NativeCore.SparseCombine(backend.Isa, values, stride, weights, sources, columns, steps, output);
        else SparseCombineReference.Combine(values, stride, weights, sources, columns, steps, output);
    }

    /// <summary>The perturbed points of a batch from their (shift, CSR deltas) description.</summary>
    internal static void Points(Backend backend, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, ReadOnlySpan<double> shifts,
        ReadOnlySpan<int> rowStarts, ReadOnlySpan<int> indices, ReadOnlySpan<double> deltas, Span<double> points)
    {
        if (backend.Kind == BackendKind.Native) NativeCore.FdPoints(backend.Isa, x, direction, shifts, rowStarts, indices, deltas, points);
        else PointsReference.Build(x, direction, shifts, rowStarts, indices, deltas, points);
    }

    internal static void AssembleHessian(Backend backend, double centre, ReadOnlySpan<double> plus, ReadOnlySpan<double> minus,
        ReadOnlySpan<double> pp, ReadOnlySpan<double> pm, ReadOnlySpan<double> mp, ReadOnlySpan<double> mm,
        ReadOnlySpan<double> steps, Span<double> hessian)
    {
        if (backend.Kind == BackendKind.Native) NativeCore.AssembleHessian(backend.Isa, centre, plus, minus, pp, pm, mp, mm, steps, hessian);
        else DifferenceKernelsReference.AssembleHessian(centre, plus, minus, pp, pm, mp, mm, steps, hessian);
    }

    internal static void RichardsonLevel(Backend backend, int count, int level, ReadOnlySpan<double> previous, Span<double> current,
        ReadOnlySpan<double> denominators, Span<double> best, Span<double> error, Span<double> bestLevel)
    {
        if (backend.Kind == BackendKind.Native) NativeCore.RichardsonLevel(backend.Isa, count, level, previous, current, denominators, best, error, bestLevel);
        else RichardsonReference.Level(count, level, previous, current, denominators, best, error, bestLevel);
    }
}
