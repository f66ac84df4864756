namespace DiffNative;

/// <summary>A gradient (1×n), Jacobian (m×n) or Hessian (n×n) with its cost: <see cref="Values"/>
/// is row-major, so entry (row, column) is <c>Values[row · Columns + column]</c>, which
/// <c>this[row, column]</c> and <see cref="ToArray2D"/> read for you.</summary>
/// <param name="Values">The derivatives, row-major.</param>
/// <param name="Errors">Per-entry error estimates for adaptive calls, in the same order; null otherwise.</param>
/// <param name="Evaluations">Function evaluations.</param>
/// <param name="Status">Whether the values can be trusted.</param>
public sealed record DerivativeArray(double[] Values, double[]? Errors, int Evaluations, DerivativeStatus Status)
{
    /// <summary>Rows: m for a Jacobian, n for a Hessian, 1 for a gradient (the default). Must
    /// divide the length of <see cref="Values"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set below 1 or to a count that does not divide
    /// the length of <see cref="Values"/>.</exception>
    public int Rows
    {
        get => rows;
        init
        {
            if (value < 1 || (Values?.Length ?? 0) % value != 0)
                throw new ArgumentOutOfRangeException(nameof(Rows), value, $"Rows must be at least 1 and divide the {Values?.Length ?? 0} values.");
            rows = value;
        }
    }

    private readonly int rows = 1;

    /// <summary>Columns: n, the length of x.</summary>
    public int Columns => (Values?.Length ?? 0) / rows;

    /// <summary>The derivative at (row, column): ∂f_row/∂x_column for a Jacobian,
    /// ∂²f/∂x_row∂x_column for a Hessian, ∂f/∂x_column at row 0 for a gradient.</summary>
    /// <exception cref="ArgumentOutOfRangeException">row outside [0, <see cref="Rows"/>) or column
    /// outside [0, <see cref="Columns"/>) (named).</exception>
    public double this[int row, int column]
    {
        get
        {
            RequireIndex(row, rows, nameof(row));
            RequireIndex(column, Columns, nameof(column));
            return Values[row * Columns + column];
        }
    }

    /// <summary>A new <see cref="Rows"/>×<see cref="Columns"/> array of the values.</summary>
    public double[,] ToArray2D()
    {
        var columns = Columns;
        var matrix = new double[rows, columns];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
                matrix[r, c] = Values[r * columns + c];
        return matrix;
    }

    internal static void RequireIndex(int index, int count, string name)
    {
        if ((uint)index >= (uint)count)
            throw new ArgumentOutOfRangeException(name, index, $"{char.ToUpperInvariant(name[0])}{name[1..]} {index} is outside [0, {count}).");
    }
}
