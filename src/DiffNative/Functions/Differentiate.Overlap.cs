namespace DiffNative;

public static partial class Differentiate
{
    /// <summary>Refuses outputs that share memory with what the call still reads, so that no
    /// result depends on the order of our writes, and checks it before anything is written. An
    /// output over x (or v) is refused when <paramref name="writtenBetweenEvaluations"/>: first
    /// derivatives are written axis by axis, group by group (bounds) or level by level (adaptive),
    /// and adaptive second derivatives at every level, while f is still evaluated near x. Fixed-step
    /// second derivatives evaluate every point before writing, so they may overwrite x. Errors
    /// over the output, x or v are always refused: they are written beside the values.</summary>
    private static void RequireApart(ReadOnlySpan<double> output, string outputName, ReadOnlySpan<double> errors, ReadOnlySpan<double> x,
        bool writtenBetweenEvaluations, ReadOnlySpan<double> v = default)
    {
        if (writtenBetweenEvaluations && output.Overlaps(x))
            throw new ArgumentException($"{outputName} overlaps x: it is written while f is still evaluated near x.", outputName);
        if (writtenBetweenEvaluations && output.Overlaps(v))
            throw new ArgumentException($"{outputName} overlaps v: it is written while f is still evaluated along v.", outputName);
        if (errors.Overlaps(output) || errors.Overlaps(x) || errors.Overlaps(v))
            throw new ArgumentException($"errors overlaps {outputName}, x{(v.IsEmpty ? "" : " or v")}.", nameof(errors));
    }
}
