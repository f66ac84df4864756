using System.Buffers;

namespace DiffNative;

/// <summary>The pool of double arrays that the float paths widen into. Not ArrayPool.Shared: that
/// one keeps per-core stacks, so a thread that has moved to another core can find its stack empty
/// and allocate; these buckets are shared by all cores, so a steady-state call allocates nothing.
/// Arrays above a million elements are not pooled (such calls allocate their copy).</summary>
internal static class WideningPool
{
    internal static readonly ArrayPool<double> Arrays = ArrayPool<double>.Create();
}
