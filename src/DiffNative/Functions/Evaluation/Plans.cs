namespace DiffNative;

/// <summary>First-derivative stencils along the axes of a group of coordinates: point (j, g) =
/// x + offsets[j]·hᵢ·eᵢ with i the group's g-th coordinate, ordered j-major so that the values of
/// stencil point j form one contiguous row. <paramref name="offsets"/> are the stencil's outer
/// ones; with <paramref name="centre"/> (a one-sided stencil), point 0 is x itself, evaluated once
/// for every coordinate since it is the same point for all of them.</summary>
internal readonly struct AxisPlan(double[] offsets, double[] steps, AxisGroup group, bool centre) : IPointPlan
{
    /// <summary>The plan of a stencil's active points, without x when its values are already known.</summary>
    internal AxisPlan(Stencil stencil, double[] steps, AxisGroup group, bool centreKnown)
        : this(stencil.OuterOffsets, steps, group, SharesCentre(stencil, group) && !centreKnown) { }

    /// <summary>Whether the stencil holds x among its points (one-sided ones do) for a group with coordinates.</summary>
    internal static bool SharesCentre(Stencil stencil, AxisGroup group) =>
        stencil.OuterOffsets.Length < stencil.ActiveOffsets.Length && group.Size > 0;

    /// <summary>Whether point 0 is x itself, shared by every coordinate.</summary>
    internal bool HasCentre => centre;

    private int First => centre ? 1 : 0;

    public int Count => First + offsets.Length * group.Size;

    /// <summary>The plan index of outer offset <paramref name="j"/> at the group's
    /// <paramref name="g"/>-th coordinate (the centre, if any, is index 0).</summary>
    internal int Index(int j, int g) => First + j * group.Size + g;

    public void Apply(in Perturbation p, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point) => p.ApplyTo(x, direction, point);

    public void Restore(in Perturbation p, ReadOnlySpan<double> x, Span<double> point) => p.RestoreIn(x, point);

    public int DeltaCount(in Perturbation p) => p.DeltaCount;

    public void DescribeDeltas(in Perturbation p, Span<int> indices, Span<double> deltas) => p.DescribeDeltas(indices, deltas);

    public Perturbation this[int k]
    {
        get
        {
            if (centre && k == 0) return Perturbation.Centre;
            var q = k - First;
            var j = q / group.Size;
            var i = group[q - j * group.Size];
            return Perturbation.Axis(i, offsets[j] * steps[i]);
        }
    }
}

/// <summary>The Hessian's points: the centre; x ± hᵢeᵢ; then, in four blocks of P
/// pairs each, x + sᵢhᵢeᵢ + sⱼhⱼeⱼ with signs (+,+), (+,−), (−,+), (−,−). Pair p is
/// (pairs[p], pairs[P + p]): every i &lt; j row by row for the dense Hessian, the structural
/// nonzeros of the upper triangle for a sparse one.</summary>
internal readonly struct HessianPlan(double[] steps, int[] pairs, int n, int pairCount) : IPointPlan
{
    /// <summary>Every pair i &lt; j: the dense Hessian.</summary>
    internal HessianPlan(double[] steps, int[] pairs, int n) : this(steps, pairs, n, n * (n - 1) / 2) { }

    private int PairCount => pairCount;

    public int Count => 1 + 2 * n + 4 * PairCount;

    public void Apply(in Perturbation p, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point) => p.ApplyTo(x, direction, point);

    public void Restore(in Perturbation p, ReadOnlySpan<double> x, Span<double> point) => p.RestoreIn(x, point);

    public int DeltaCount(in Perturbation p) => p.DeltaCount;

    public void DescribeDeltas(in Perturbation p, Span<int> indices, Span<double> deltas) => p.DescribeDeltas(indices, deltas);

    public Perturbation this[int k]
    {
        get
        {
            if (k == 0) return Perturbation.Centre;
            if (k <= n) return Perturbation.Axis(k - 1, steps[k - 1]);
            if (k <= 2 * n) return Perturbation.Axis(k - 1 - n, -steps[k - 1 - n]);
            var pairCount = PairCount;
            var q = (k - 1 - 2 * n) / pairCount;
            var p = k - 1 - 2 * n - q * pairCount;
            int i = pairs[p], j = pairs[pairCount + p];
            return Perturbation.Pair(i, q < 2 ? steps[i] : -steps[i], j, (q & 1) == 0 ? steps[j] : -steps[j]);
        }
    }

    /// <summary>Fills pairs[0..P) with i and pairs[P..2P) with j for every i &lt; j, row by row.</summary>
    internal static void FillPairs(int n, Span<int> pairs)
    {
        var count = n * (n - 1) / 2;
        var p = 0;
        for (var i = 0; i < n; i++)
            for (var j = i + 1; j < n; j++, p++)
            {
                pairs[p] = i;
                pairs[count + p] = j;
            }
    }
}

/// <summary>Second differences along a direction v and each axis (Hessian-vector products): in four
/// blocks of n, x + s·t·v + s′·kᵢ·eᵢ with (s, s′) = (+,+), (+,−), (−,+), (−,−).</summary>
internal readonly struct DirectionPlan(double t, double[] steps, int n) : IPointPlan
{
    public int Count => 4 * n;

    public void Apply(in Perturbation p, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point) => p.ApplyTo(x, direction, point);

    public void Restore(in Perturbation p, ReadOnlySpan<double> x, Span<double> point) => p.RestoreIn(x, point);

    public int DeltaCount(in Perturbation p) => p.DeltaCount;

    public void DescribeDeltas(in Perturbation p, Span<int> indices, Span<double> deltas) => p.DescribeDeltas(indices, deltas);

    public Perturbation this[int k]
    {
        get
        {
            var q = k / n;
            var i = k - q * n;
            return new Perturbation(i, (q & 1) == 0 ? steps[i] : -steps[i], -1, 0, q < 2 ? t : -t);
        }
    }
}

/// <summary>The centre and the non-zero offsets of a second-derivative stencil along each axis.</summary>
internal readonly struct DiagonalPlan(double[] offsets, double[] steps, int n) : IPointPlan
{
    public int Count => 1 + offsets.Length * n;

    public void Apply(in Perturbation p, ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> point) => p.ApplyTo(x, direction, point);

    public void Restore(in Perturbation p, ReadOnlySpan<double> x, Span<double> point) => p.RestoreIn(x, point);

    public int DeltaCount(in Perturbation p) => p.DeltaCount;

    public void DescribeDeltas(in Perturbation p, Span<int> indices, Span<double> deltas) => p.DescribeDeltas(indices, deltas);

    public Perturbation this[int k]
    {
        get
        {
            if (k == 0) return Perturbation.Centre;
            var j = (k - 1) / n;
            var i = k - 1 - j * n;
            return Perturbation.Axis(i, offsets[j] * steps[i]);
        }
    }
}
