using Microsoft.Extensions.ObjectPool;

namespace DiffNative;

/// <summary>Scratch buffers for one differentiation call, pooled (Microsoft.Extensions.ObjectPool)
/// so that span overloads allocate nothing in steady state. Buffers are numbered slots, each
/// growing to the largest size asked of it; an operation names its slots with
/// <see cref="Slot"/> (doubles) and <see cref="IntSlot"/> (ints) constants so that two uses in
/// one call never share a buffer.</summary>
internal sealed class Workspace
{
    private static readonly ObjectPool<Workspace> Pool = new DefaultObjectPoolProvider().Create(new Policy());

    private readonly double[][] buffers = Enumerable.Repeat(System.Array.Empty<double>(), Slot.Count).ToArray();
    private readonly int[][] ints = Enumerable.Repeat(System.Array.Empty<int>(), IntSlot.Count).ToArray();

    // Rented minus returned, over the process: an exception from the user's function must not
    // strand a workspace, and this is how the tests see that it did not.
    private static long outstanding;

    internal static Workspace Rent()
    {
        Interlocked.Increment(ref outstanding);
        return Pool.Get();
    }

    internal static void Return(Workspace workspace)
    {
        Pool.Return(workspace);
        Interlocked.Decrement(ref outstanding);
    }

    /// <summary>Workspaces rented and not yet returned, across all threads.</summary>
    internal static long Outstanding => Interlocked.Read(ref outstanding);

    /// <summary>The slot's buffer, at least <paramref name="length"/> long (it may be longer).</summary>
    internal double[] Array(int slot, int length)
    {
        if (buffers[slot].Length < length) buffers[slot] = new double[length];
        return buffers[slot];
    }

    /// <summary>The first <paramref name="length"/> elements of the slot's buffer.</summary>
    internal Span<double> Span(int slot, int length) => Array(slot, length).AsSpan(0, length);

    /// <summary>The int slot's buffer, at least <paramref name="length"/> long (it may be longer).</summary>
    internal int[] Ints(int slot, int length)
    {
        if (ints[slot].Length < length) ints[slot] = new int[length];
        return ints[slot];
    }

    /// <summary>Whether <see cref="Slot.CentreValues"/> holds f's values at the x of the call that
    /// rented this workspace: x is the same point for every one-sided group and level of a first
    /// derivative, so it is evaluated once per call. Cleared on return.</summary>
    internal bool CentreKnown { get; set; }

    /// <summary>Buffers above this many elements are dropped on return, so one huge Hessian does
    /// not pin its memory in the pool for the life of the process.</summary>
    private const int RetainLimit = 4 * 1024 * 1024;

    private void TrimLarge()
    {
        for (var i = 0; i < buffers.Length; i++)
            if (buffers[i].Length > RetainLimit) buffers[i] = [];
        for (var i = 0; i < ints.Length; i++)
            if (ints[i].Length > RetainLimit) ints[i] = [];
    }

    /// <summary>The slots.</summary>
    internal static class Slot
    {
        internal const int Point = 0;      // the perturbed point handed to the function
        internal const int Rows = 1;       // rows of points for a batch function
        internal const int Steps = 2;      // per-coordinate steps
        internal const int Values = 3;     // function values at every stencil point
        internal const int Scratch = 4;    // transposes, expanded steps
        internal const int Estimate = 5;   // a gradient's expanded steps, a sparse Hessian's compact entries
        internal const int TablePrevious = 6;
        internal const int TableCurrent = 7;
        internal const int Errors = 8;
        internal const int Best = 9;
        internal const int LevelEstimate = 10; // one level of an extrapolation
        internal const int LevelBest = 11;     // the extrapolated first derivatives of every entry, before a group's are copied out
        internal const int GroupValues = 12;   // one stencil group's sparse values before they are scattered
        internal const int LevelErrors = 13;   // the error estimates of LevelBest's entries
        internal const int RowShifts = 14;     // per row of a batch: its shift along the direction
        internal const int RowDeltas = 15;     // per row of a batch: the amounts added to its coordinates
        internal const int KeptErrors = 16;    // an adaptive first derivative's best error per entry over its starts
        internal const int EntryNonFinite = 17; // 1 where an entry's estimate was not finite at some level of a run
        internal const int KeptNonFinite = 18;  // the same for the run each entry's kept value came from
        internal const int RowScales = 19;      // per output, the largest finite |f| on an adaptive first derivative's last level
        internal const int OuterSums = 20;      // per coordinate, f at the two outermost points added, then the lower-accuracy sum
        internal const int ProbeDirection = 21; // a sparse pattern check's random direction
        internal const int ProbeValues = 22;    // f along that direction
        internal const int RowRounding = 23;    // per output, the largest finite |f| on every level of a run
        internal const int Origin = 24;         // a copy of x where the output may overwrite it
        internal const int CentreValues = 25;   // every output at x: for the Jacobian's step check, or shared by a call's one-sided stencils (CentreKnown)
        internal const int Direction = 26;      // a copy of v where the output may overwrite it
        internal const int Count = 27;
    }

    /// <summary>The int slots.</summary>
    internal static class IntSlot
    {
        internal const int Pairs = 0;          // a Hessian's (i, j) pairs
        internal const int AxisOrder = 1;      // coordinates grouped by stencil near bounds, then each one's scheme
        internal const int PartColors = 2;     // per column its colour within one stencil group, or −1
        internal const int ColorMap = 3;       // per colour its number within one stencil group, or −1
        internal const int PartPointers = 4;   // the group's columns by colour: where each colour starts
        internal const int PartColumns = 5;    // the group's columns by colour
        internal const int PartSources = 6;    // per nonzero of the group: colour·m + row
        internal const int PartStepColumns = 7; // per nonzero of the group: its column
        internal const int PartEntries = 8;    // per nonzero of the group: its position among all nonzeros
        internal const int RowStarts = 9;      // per row of a batch: where its deltas start (CSR)
        internal const int RowIndices = 10;    // per delta of a batch: its coordinate
        internal const int Restarts = 11;      // coordinates an adaptive first derivative starts again from a smaller step
        internal const int Count = 12;
    }

    private sealed class Policy : PooledObjectPolicy<Workspace>
    {
        public override Workspace Create() => new();

        public override bool Return(Workspace obj)
        {
            obj.TrimLarge();
            obj.CentreKnown = false;
            return true;
        }
    }
}
