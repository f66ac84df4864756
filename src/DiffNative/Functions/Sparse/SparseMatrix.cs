namespace DiffNative;

/// <summary>Values on a sparsity pattern: <see cref="Values"/>[k] belongs to the k-th nonzero of
/// <see cref="Pattern"/> (row by row, columns increasing).</summary>
/// <param name="Pattern">Where the values sit.</param>
/// <param name="Values">One value per structural nonzero.</param>
public sealed record SparseMatrix(SparsityPattern Pattern, double[] Values)
{
    /// <summary>Where the values sit.</summary>
    public SparsityPattern Pattern { get; } = Pattern ?? throw new ArgumentNullException(nameof(Pattern));

    /// <summary>One value per structural nonzero: a shorter array would fail at the first read
    /// past it, far from the mistake, so the length is checked here.</summary>
    public double[] Values { get; } = Values is null ? throw new ArgumentNullException(nameof(Values))
        : Values.Length == Pattern.NonZeros ? Values
        : throw new ArgumentException($"Values holds {Values.Length} values but the pattern has {Pattern.NonZeros} nonzeros.", nameof(Values));

    /// <summary>m, the pattern's rows.</summary>
    public int Rows => Pattern.Rows;

    /// <summary>n, the pattern's columns.</summary>
    public int Columns => Pattern.Columns;

    /// <summary>The value at (row, column): zero where the pattern has no nonzero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">row outside [0, <see cref="Rows"/>) or column
    /// outside [0, <see cref="Columns"/>) (named): outside the matrix is not a structural zero.</exception>
    public double this[int row, int column]
    {
        get
        {
            DerivativeArray.RequireIndex(row, Pattern.Rows, nameof(row));
            DerivativeArray.RequireIndex(column, Pattern.Columns, nameof(column));
            var k = Pattern.IndexOf(row, column);
            return k < 0 ? 0.0 : Values[k];
        }
    }

    /// <summary>A new dense <see cref="Rows"/>×<see cref="Columns"/> array, zeros outside the pattern.</summary>
    /// <exception cref="InvalidOperationException">The dense matrix exceeds the largest .NET array.</exception>
    public double[,] ToArray2D()
    {
        if ((long)Pattern.Rows * Pattern.Columns > Array.MaxLength)
            throw new InvalidOperationException($"A dense {Pattern.Rows}×{Pattern.Columns} matrix exceeds the largest .NET array; read the sparse values.");
        var dense = new double[Pattern.Rows, Pattern.Columns];
        var pointers = Pattern.RowPointers;
        var columns = Pattern.ColumnIndices;
        for (var r = 0; r < Pattern.Rows; r++)
            for (var k = pointers[r]; k < pointers[r + 1]; k++)
                dense[r, columns[k]] = Values[k];
        return dense;
    }

    /// <summary>The dense row-major m×n matrix, zeros outside the pattern.</summary>
    public double[] ToDense()
    {
        var length = (long)Pattern.Rows * Pattern.Columns;
        if (length > Array.MaxLength)
            throw new InvalidOperationException($"A dense {Pattern.Rows}×{Pattern.Columns} matrix exceeds the largest .NET array; use ToDense(Span) on native memory or the sparse values.");
        var dense = new double[length];
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
public sealed record SparseDerivativeArray(SparseMatrix Matrix, int Colors, int Evaluations, DerivativeStatus Status)
{
    /// <summary>An error estimate per structural nonzero, on the same pattern: set by adaptive
    /// sparse Hessians from function values, null otherwise.</summary>
    public SparseMatrix? Errors { get; init; }
}
