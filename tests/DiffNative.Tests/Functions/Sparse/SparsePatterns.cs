namespace DiffNative.Tests.Functions.Sparse;

/// <summary>Patterns the sparse tests share: seeded random ones and the classic structures.</summary>
internal static class SparsePatterns
{
    internal static SparsityPattern Random(int rows, int columns, double density, int seed)
    {
        var random = new Random(seed);
        var entries = new List<(int, int)>();
        for (var r = 0; r < rows; r++)
        {
            entries.Add((r, random.Next(columns))); // every row depends on something
            for (var c = 0; c < columns; c++)
                if (random.NextDouble() < density) entries.Add((r, c));
        }
        return SparsityPattern.FromEntries(rows, columns, entries);
    }

    internal static SparsityPattern Banded(int n, int halfWidth) => SparsityPattern.FromEntries(n, n,
        from r in Enumerable.Range(0, n)
        from c in Enumerable.Range(Math.Max(0, r - halfWidth), Math.Min(n, r + halfWidth + 1) - Math.Max(0, r - halfWidth))
        select (r, c));

    internal static SparsityPattern Tridiagonal(int n) => Banded(n, 1);

    /// <summary>Diagonal plus a full first row and first column.</summary>
    internal static SparsityPattern Arrow(int n) => SparsityPattern.FromEntries(n, n,
        Enumerable.Range(0, n).SelectMany(i => new[] { (i, i), (0, i), (i, 0) }));

    /// <summary>The 5-point Laplacian's pattern on a side×side grid.</summary>
    internal static SparsityPattern Laplacian(int side) => SparsityPattern.FromEntries(side * side, side * side,
        from i in Enumerable.Range(0, side)
        from j in Enumerable.Range(0, side)
        from d in new[] { (0, 0), (1, 0), (-1, 0), (0, 1), (0, -1) }
        let a = i + d.Item1
        let b = j + d.Item2
        where a >= 0 && a < side && b >= 0 && b < side
        select (i * side + j, a * side + b));

    /// <summary>f: Rⁿ → Rᵐ whose row k reads only the columns of the pattern's row k, nonlinearly.</summary>
    internal static VectorFunction RowFunction(SparsityPattern pattern)
    {
        var rows = Enumerable.Range(0, pattern.Rows).Select(r => pattern.Row(r).ToArray()).ToArray();
        return (x, y) =>
        {
            for (var k = 0; k < rows.Length; k++)
            {
                var sum = 0.0;
                var product = 1.0;
                foreach (var c in rows[k])
                {
                    sum += Math.Sin(x[c] * (1 + 0.1 * c)) * (k + 1);
                    product *= 1 + 0.2 * x[c];
                }
                y[k] = sum + product * product;
            }
        };
    }

    /// <summary>A scalar function whose Hessian has exactly the pattern's nonzeros: Σ over the pattern's pairs i &lt; j of wᵢⱼ sin xᵢ cos xⱼ, plus Σ xᵢ⁴/12 + eˣⁱ/10.</summary>
    internal static ScalarFunction CoupledScalar(SparsityPattern pattern)
    {
        var pairs = Enumerable.Range(0, pattern.Rows).SelectMany(i => pattern.Row(i).ToArray().Where(j => j > i).Select(j => (i, j))).ToArray();
        return x =>
        {
            var sum = 0.0;
            foreach (var (i, j) in pairs) sum += (1 + 0.1 * (i + j)) * Math.Sin(x[i]) * Math.Cos(x[j]);
            for (var i = 0; i < x.Length; i++) sum += x[i] * x[i] * x[i] * x[i] / 12 + Math.Exp(x[i]) / 10;
            return sum;
        };
    }

    internal static double[] Point(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }
}
