using System.Diagnostics;

namespace DiffNative;

/// <summary>A batch's perturbed points, built in one pass (one native crossing on a native
/// backend): the plan describes each point as a shift along the direction plus deltas on single
/// coordinates (CSR rows), and the backend builds every row from that description.</summary>
internal static class BatchPoints
{
    /// <summary>Rows [0, count) of <paramref name="rows"/> (x.Length wide) = plan points
    /// [start, start + count).</summary>
    internal static void Build<TPlan>(Backend backend, in TPlan plan, int start, int count, ReadOnlySpan<double> x,
        ReadOnlySpan<double> direction, Workspace workspace, Span<double> rows)
        where TPlan : struct, IPointPlan
    {
        var rowStarts = workspace.Ints(Workspace.IntSlot.RowStarts, count + 1).AsSpan(0, count + 1);
        // Shifts only where there is a direction to shift along: without one every T is 0.
        var shifts = direction.IsEmpty ? default : workspace.Span(Workspace.Slot.RowShifts, count);
        var total = 0;
        rowStarts[0] = 0;
        for (var r = 0; r < count; r++)
        {
            var p = plan[start + r];
            Debug.Assert(!direction.IsEmpty || p.T == 0, "a shifted point needs a direction");
            if (!direction.IsEmpty) shifts[r] = p.T;
            total += plan.DeltaCount(p);
            rowStarts[r + 1] = total;
        }
        var indices = workspace.Ints(Workspace.IntSlot.RowIndices, total).AsSpan(0, total);
        var deltas = workspace.Span(Workspace.Slot.RowDeltas, total);
        for (var r = 0; r < count; r++)
            plan.DescribeDeltas(plan[start + r], indices[rowStarts[r]..rowStarts[r + 1]], deltas[rowStarts[r]..rowStarts[r + 1]]);
        DifferenceKernels.Points(backend, x, direction, shifts, rowStarts, indices, deltas, rows[..(count * x.Length)]);
    }
}
