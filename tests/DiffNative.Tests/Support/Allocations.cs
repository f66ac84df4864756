namespace DiffNative.Tests.Support;

/// <summary>Steady-state allocation of a call on this thread.</summary>
internal static class Allocations
{
    /// <summary>Bytes the call allocates after a few warm-up calls: the fewest of three measured
    /// calls, because the runtime itself (tiering's call counting, once) can allocate on this
    /// thread at any moment, while a call that allocates does so every time.</summary>
    internal static long SteadyState(Action call, int warmups = 5)
    {
        for (var i = 0; i < warmups; i++) call();
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 3 && fewest > 0; attempt++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            call();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
