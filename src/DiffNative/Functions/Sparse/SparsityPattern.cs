namespace DiffNative;

/// <summary>Which entries of an m×n matrix may be nonzero, in compressed sparse row form: row r's
/// column indices are <c>ColumnIndices[RowPointers[r]..RowPointers[r+1])</c>, strictly increasing.
/// Immutable; share one instance across threads.</summary>
public sealed class SparsityPattern
{
    private readonly int[] rowPointers;
    private readonly int[] columnIndices;

    private SparsityPattern(int rows, int columns, int[] rowPointers, int[] columnIndices)
    {
        Rows = rows;
        Columns = columns;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
    }

    /// <summary>m, the number of rows.</summary>
    public int Rows { get; }

    /// <summary>n, the number of columns.</summary>
    public int Columns { get; }

    /// <summary>The number of structural nonzeros.</summary>
    public int NonZeros => columnIndices.Length;

    /// <summary>m + 1 offsets into <see cref="ColumnIndices"/>, starting at 0.</summary>
    public ReadOnlySpan<int> RowPointers => rowPointers;

    /// <summary>The column of every nonzero, row by row, increasing within a row.</summary>
    public ReadOnlySpan<int> ColumnIndices => columnIndices;

    /// <summary>The column indices of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<int> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return columnIndices.AsSpan(rowPointers[row], rowPointers[row + 1] - rowPointers[row]);
    }

    /// <summary>The position of entry (row, column) in the nonzeros, or −1 when it is not in the pattern.</summary>
    public int IndexOf(int row, int column)
    {
        if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns) return -1;
        var found = Array.BinarySearch(columnIndices, rowPointers[row], rowPointers[row + 1] - rowPointers[row], column);
        return found >= 0 ? found : -1;
    }

    /// <summary>The pattern of (row, column) pairs; repeated pairs count once, order does not matter.</summary>
    /// <param name="rows">m ≥ 1.</param>
    /// <param name="columns">n ≥ 1.</param>
    /// <param name="entries">Pairs with 0 ≤ row &lt; m and 0 ≤ column &lt; n.</param>
    public static SparsityPattern FromEntries(int rows, int columns, IEnumerable<(int Row, int Column)> entries)
    {
        RequireShape(rows, columns);
        ArgumentNullException.ThrowIfNull(entries);
        var perRow = new List<int>?[rows];
        foreach (var (row, column) in entries)
        {
            if ((uint)row >= (uint)rows)
                throw new ArgumentOutOfRangeException(nameof(entries), $"Row {row} of entry ({row}, {column}) is outside [0, {rows}).");
            if ((uint)column >= (uint)columns)
                throw new ArgumentOutOfRangeException(nameof(entries), $"Column {column} of entry ({row}, {column}) is outside [0, {columns}).");
            (perRow[row] ??= []).Add(column);
        }
        var pointers = new int[rows + 1];
        var indices = new List<int>();
        for (var r = 0; r < rows; r++)
        {
            if (perRow[r] is { } list)
            {
                list.Sort();
                for (var k = 0; k < list.Count; k++)
                    if (k == 0 || list[k] != list[k - 1]) indices.Add(list[k]);
            }
            pointers[r + 1] = indices.Count;
        }
        return new SparsityPattern(rows, columns, pointers, [.. indices]);
    }

    /// <summary>The pattern of the true entries of a row-major m×n mask.</summary>
    public static SparsityPattern FromMask(int rows, int columns, ReadOnlySpan<bool> mask)
    {
        RequireShape(rows, columns);
        if (mask.Length != (long)rows * columns)
            throw new ArgumentException($"mask has {mask.Length} entries but {rows}×{columns} needs {(long)rows * columns}.", nameof(mask));
        var pointers = new int[rows + 1];
        var indices = new List<int>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
                if (mask[r * columns + c]) indices.Add(c);
            pointers[r + 1] = indices.Count;
        }
        return new SparsityPattern(rows, columns, pointers, [.. indices]);
    }

    /// <summary>The pattern of the true entries of a mask indexed [row, column].</summary>
    public static SparsityPattern FromMask(bool[,] mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        int rows = mask.GetLength(0), columns = mask.GetLength(1);
        var flat = new bool[rows * columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                flat[r * columns + c] = mask[r, c];
        return FromMask(rows, columns, flat);
    }

    /// <summary>The pattern given directly in CSR form (copied), checked: pointers start at 0 and
    /// never decrease, columns lie in [0, n) and increase strictly within each row.</summary>
    public static SparsityPattern FromCsr(int rows, int columns, ReadOnlySpan<int> rowPointers, ReadOnlySpan<int> columnIndices)
    {
        RequireShape(rows, columns);
        if (rowPointers.Length != rows + 1)
            throw new ArgumentException($"rowPointers has {rowPointers.Length} values but {rows} rows need {rows + 1}.", nameof(rowPointers));
        if (rowPointers[0] != 0 || rowPointers[rows] != columnIndices.Length)
            throw new ArgumentException($"rowPointers must run from 0 to {columnIndices.Length} (the number of column indices).", nameof(rowPointers));
        for (var r = 0; r < rows; r++)
            if (rowPointers[r + 1] < rowPointers[r])
                throw new ArgumentException($"rowPointers decreases at row {r}.", nameof(rowPointers));
        for (var r = 0; r < rows; r++)
        {
            for (var k = rowPointers[r]; k < rowPointers[r + 1]; k++)
            {
                if ((uint)columnIndices[k] >= (uint)columns)
                    throw new ArgumentException($"Column {columnIndices[k]} in row {r} is outside [0, {columns}).", nameof(columnIndices));
                if (k > rowPointers[r] && columnIndices[k] <= columnIndices[k - 1])
                    throw new ArgumentException($"Columns of row {r} must increase strictly (sorted, no duplicates).", nameof(columnIndices));
            }
        }
        return new SparsityPattern(rows, columns, rowPointers.ToArray(), columnIndices.ToArray());
    }

    /// <summary>The pattern with rows and columns exchanged (n×m).</summary>
    public SparsityPattern Transpose()
    {
        var pointers = new int[Columns + 1];
        foreach (var c in columnIndices) pointers[c + 1]++;
        for (var c = 0; c < Columns; c++) pointers[c + 1] += pointers[c];
        var next = pointers[..^1];
        var indices = new int[NonZeros];
        // Rows are visited in order, so every transposed row comes out sorted.
        for (var r = 0; r < Rows; r++)
            for (var k = rowPointers[r]; k < rowPointers[r + 1]; k++)
                indices[next[columnIndices[k]]++] = r;
        return new SparsityPattern(Columns, Rows, pointers, indices);
    }

    /// <summary>For a square pattern: itself, its transpose and the diagonal together — the
    /// structure of a symmetric matrix such as a Hessian.</summary>
    public SparsityPattern Symmetrized()
    {
        if (Rows != Columns)
            throw new InvalidOperationException($"Only a square pattern can be symmetrised; this one is {Rows}×{Columns}.");
        var transpose = Transpose();
        var entries = new List<(int, int)>(2 * NonZeros + Rows);
        for (var r = 0; r < Rows; r++)
        {
            entries.Add((r, r));
            foreach (var c in Row(r)) entries.Add((r, c));
            foreach (var c in transpose.Row(r)) entries.Add((r, c));
        }
        return FromEntries(Rows, Columns, entries);
    }

    /// <summary>Is the pattern square, symmetric and does it hold the whole diagonal?</summary>
    internal bool IsSymmetricWithDiagonal()
    {
        if (Rows != Columns) return false;
        for (var r = 0; r < Rows; r++)
        {
            if (IndexOf(r, r) < 0) return false;
            foreach (var c in Row(r))
                if (IndexOf(c, r) < 0) return false;
        }
        return true;
    }

    private static void RequireShape(int rows, int columns)
    {
        if (rows < 1) throw new ArgumentOutOfRangeException(nameof(rows), rows, "A pattern has at least one row.");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A pattern has at least one column.");
    }
}
