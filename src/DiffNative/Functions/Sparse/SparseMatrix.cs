namespace DiffNative;

/// <summary>Values on a sparsity pattern: <see cref="Values"/>[k] belongs to the k-th nonzero of
/// <see cref="Pattern"/> (row by row, columns increasing).</summary>
/// <param name="Pattern">Where the values sit.</param>
/// <param name="Values">One value per structural nonzero.</param>
public sealed record SparseMatrix(SparsityPattern Pattern, double[] Values)
{
    /// <summary>The value at (row, column): zero outside the pattern.</summary>
    public double this[int row, int column]
    {
        get
        {
            var k = Pattern.IndexOf(row, column);
            return k < 0 ? 0.0 : Values[k];
        }
    }

    /// <summary>The dense row-major m×n matrix, zeros outside the pattern.</summary>
    public double[] ToDense()
    {
        var dense = new double[checked(Pattern.Rows * Pattern.Columns)];
        ToDense(dense);
        return dense;
    }

    /// <summary>Writes the dense row-major m×n matrix (zeros outside the pattern) into <paramref name="destination"/>.</summary>
    public void ToDense(Span<double> destination)
    {
        var n = Pattern.Columns;
        if (destination.Length < (long)Pattern.Rows * n)
            throw new ArgumentException($"destination holds {destination.Length} values but {Pattern.Rows}×{n} are needed.", nameof(destination));
        destination[..(Pattern.Rows * n)].Clear();
        var pointers = Pattern.RowPointers;
        var columns = Pattern.ColumnIndices;
        for (var r = 0; r < Pattern.Rows; r++)
            for (var k = pointers[r]; k < pointers[r + 1]; k++)
                destination[r * n + columns[k]] = Values[k];
    }
}

/// <summary>A sparse Jacobian or Hessian with what it cost.</summary>
/// <param name="Matrix">The derivatives on their pattern.</param>
/// <param name="Colors">Colours of the colouring used (each one perturbation group); 0 when none was used.</param>
/// <param name="Evaluations">Function evaluations.</param>
/// <param name="Status">Whether the values can be trusted.</param>
public sealed record SparseDerivativeArray(SparseMatrix Matrix, int Colors, int Evaluations, DerivativeStatus Status);
