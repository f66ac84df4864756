namespace DiffNative;

/// <summary>One point of a stencil: x + T·v + A·e_I + B·e_J, where v is the plan's direction
/// (if any) and an index of −1 means no change on that axis.</summary>
internal readonly record struct Perturbation(int I, double A, int J, double B, double T)
{
    internal static Perturbation Centre => new(-1, 0, -1, 0, 0);
    internal static Perturbation Axis(int i, double a) => new(i, a, -1, 0, 0);
    internal static Perturbation Pair(int i, double a, int j, double b) => new(i, a, j, b, 0);

    /// <summary>Moves point (a copy of x) to this perturbation.</summary>
    internal void ApplyTo(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point)
    {
        if (T != 0)
            for (var e = 0; e < point.Length; e++) point[e] = x[e] + T * direction[e];
        if (I >= 0) point[I] = point[I] + A;
        if (J >= 0) point[J] = point[J] + B;
    }

    /// <summary>How many coordinates <see cref="ApplyTo"/> adds an amount to after the shift.</summary>
    internal int DeltaCount => (I >= 0 ? 1 : 0) + (J >= 0 ? 1 : 0);

    /// <summary>The additions of <see cref="ApplyTo"/> after the shift, in its order (I, then J):
    /// the CSR description a batch is built from.</summary>
    internal void DescribeDeltas(Span<int> indices, Span<double> deltas)
    {
        var k = 0;
        if (I >= 0)
        {
            indices[k] = I;
            deltas[k++] = A;
        }
        if (J >= 0)
        {
            indices[k] = J;
            deltas[k] = B;
        }
    }

    /// <summary>Puts point back to x after <see cref="ApplyTo"/>.</summary>
    internal void RestoreIn(ReadOnlySpan<double> x, Span<double> point)
    {
        if (T != 0)
        {
            x.CopyTo(point);
            return;
        }
        if (I >= 0) point[I] = x[I];
        if (J >= 0) point[J] = x[J];
    }
}

/// <summary>The points an operation evaluates, generated on demand (no list is stored).</summary>
internal interface IPointPlan
{
    int Count { get; }
    Perturbation this[int k] { get; }

    /// <summary>Moves point (a copy of x) to perturbation p: a plan may give its perturbations a
    /// meaning of its own (a whole colour of columns at once), so moving is the plan's job.</summary>
    void Apply(in Perturbation p, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point);

    /// <summary>Puts point back to x after <see cref="Apply"/>.</summary>
    void Restore(in Perturbation p, ReadOnlySpan<double> x, Span<double> point);

    /// <summary>How many coordinates <see cref="Apply"/> moves by an amount of their own, after the
    /// shift p.T·direction.</summary>
    int DeltaCount(in Perturbation p);

    /// <summary><see cref="Apply"/> as data: the coordinates and the amounts added to them after the
    /// shift, in Apply's order, so that a batch of points can be built from (shift, deltas) rows by
    /// either backend with Apply's bits.</summary>
    void DescribeDeltas(in Perturbation p, Span<int> indices, Span<double> deltas);
}
