using Microsoft.Extensions.ObjectPool;

namespace DiffNative;

/// <summary>Scratch buffers for one differentiation call, pooled (Microsoft.Extensions.ObjectPool)
/// so that span overloads allocate nothing in steady state. Buffers are numbered slots, each
/// growing to the largest size asked of it; an operation names its slots with
/// <see cref="Slot"/> constants so that two uses in one call never share a buffer.</summary>
internal sealed class Workspace
{
    private static readonly ObjectPool<Workspace> Pool = new DefaultObjectPoolProvider().Create(new Policy());

    private readonly double[][] buffers = Enumerable.Repeat(System.Array.Empty<double>(), Slot.Count).ToArray();
    private int[] indices = [];

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

    internal int[] Indices(int length)
    {
        if (indices.Length < length) indices = new int[length];
        return indices;
    }

    /// <summary>Buffers above this many elements are dropped on return, so one huge Hessian does
    /// not pin its memory in the pool for the life of the process.</summary>
    private const int RetainLimit = 4 * 1024 * 1024;

    private void TrimLarge()
    {
        for (var i = 0; i < buffers.Length; i++)
            if (buffers[i].Length > RetainLimit) buffers[i] = [];
        if (indices.Length > RetainLimit) indices = [];
    }

    /// <summary>The slots.</summary>
    internal static class Slot
    {
        internal const int Point = 0;      // the perturbed point handed to the function
        internal const int Rows = 1;       // rows of points for a batch function
        internal const int Steps = 2;      // per-coordinate steps
        internal const int Values = 3;     // function values at every stencil point
        internal const int Scratch = 4;    // transposes, expanded steps
        internal const int Estimate = 5;   // one level of an extrapolation
        internal const int TablePrevious = 6;
        internal const int TableCurrent = 7;
        internal const int Errors = 8;
        internal const int Best = 9;
        internal const int LevelEstimate = 10; // one level's first derivatives (Estimate holds expanded steps then)
        internal const int LevelBest = 11;     // the extrapolated first derivatives of every entry
        internal const int Count = 12;
    }

    private sealed class Policy : PooledObjectPolicy<Workspace>
    {
        public override Workspace Create() => new();

        public override bool Return(Workspace obj)
        {
            obj.TrimLarge();
            return true;
        }
    }
}
