namespace DiffNative.Tests.Support;

/// <summary>Every backend this machine can run: the managed reference, the native core on its
/// active ISA, and the native core on each available ISA by name (Highway's "all targets").</summary>
public static class Backends
{
    public static IEnumerable<object[]> All()
    {
        yield return [Backend.Managed];
        yield return [Backend.Native];
        foreach (var isa in DiffNativeRuntime.AvailableIsas)
            yield return [Backend.NativeOn(isa)];
    }

    public static IEnumerable<object[]> Native() => All().Where(b => ((Backend)b[0]).Kind == BackendKind.Native);

    /// <summary>Lengths 0..70 hit every vector tail of 4 and 8 lanes; the large ones cross many
    /// full vectors and cache levels.</summary>
    public static IEnumerable<int> SweepLengths() => Enumerable.Range(0, 71).Concat([127, 128, 129, 1000, 4099, 65537, 1_048_579]);
}
