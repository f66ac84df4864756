namespace DiffNative.Tests.Support;

/// <summary>Steady-state allocation of a call on this thread.</summary>
internal static class Allocations
{
    /// <summary>Bytes the call allocates after a few warm-up calls: the fewest of three measured
    /// calls, because the runtime itself (tiering's call counting, once) can allocate on this
    /// thread at any moment, while a call that allocates does so every time.</summary>
    internal static long SteadyState(Action call, int warmups = 5) => Fewest(prepare: null, call, warmups);

    /// <summary>As <see cref="SteadyState"/>, but <paramref name="prepare"/> runs, unmeasured,
    /// before each measured call (not before the warm-ups), so every measurement is of the call
    /// right after whatever <paramref name="prepare"/> leaves behind: an allocation it provokes
    /// once, say after faulted calls, is seen in each of the three and cannot be warmed away.</summary>
    internal static long SteadyStateAfter(Action prepare, Action call, int warmups = 5) => Fewest(prepare, call, warmups);

    private static long Fewest(Action? prepare, Action call, int warmups)
    {
        for (var i = 0; i < warmups; i++) call();
        var fewest = long.MaxValue;
        for (var attempt = 0; attempt < 3 && fewest > 0; attempt++)
        {
            prepare?.Invoke();
            var before = GC.GetAllocatedBytesForCurrentThread();
            call();
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        return fewest;
    }
}
