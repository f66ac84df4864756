namespace DiffNative.Optimization;

/// <summary>The sparsity of the Hessian the Newton methods difference: its pattern (symmetric, with
/// the diagonal), the star colouring of that pattern and a buffer for one value per nonzero.
/// Chosen once per minimisation; the pattern is assumed to hold at every x.</summary>
internal sealed class HessianStructure
{
    private HessianStructure(SparsityPattern pattern)
    {
        Pattern = pattern;
        Coloring = HessianColoring.Compute(pattern);
        Values = new double[pattern.NonZeros];
    }

    internal SparsityPattern Pattern { get; }
    internal HessianColoring Coloring { get; }
    internal double[] Values { get; }

    /// <summary>The structure of <paramref name="pattern"/>, or null when more than half of it is
    /// nonzero: the dense Hessian then costs about as much and reads no pattern.</summary>
    internal static HessianStructure? For(SparsityPattern pattern)
    {
        var symmetric = pattern.IsSymmetricWithDiagonal() ? pattern : pattern.Symmetrized();
        return 2L * symmetric.NonZeros > (long)symmetric.Rows * symmetric.Rows ? null : new HessianStructure(symmetric);
    }

    /// <summary>Writes <see cref="Values"/> into the dense row-major <paramref name="hessian"/>, zero elsewhere.</summary>
    internal void Scatter(Span<double> hessian)
    {
        hessian.Clear();
        var n = Pattern.Rows;
        var pointers = Pattern.RowPointers;
        var columns = Pattern.ColumnIndices;
        for (var i = 0; i < n; i++)
            for (var k = pointers[i]; k < pointers[i + 1]; k++)
                hessian[i * n + columns[k]] = Values[k];
    }
}
