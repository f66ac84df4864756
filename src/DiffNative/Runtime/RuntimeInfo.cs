namespace DiffNative;

/// <summary>What the process runs on: the native library, the CPU and the ISA paths.</summary>
/// <param name="Version">The native library's version.</param>
/// <param name="NativeLibraryPath">The file the native library was loaded from.</param>
/// <param name="ActiveIsa">The ISA that native calls without a named ISA use.</param>
/// <param name="AvailableIsas">ISAs compiled in and runnable on this CPU and OS.</param>
/// <param name="CompiledIsas">ISAs compiled into this build of the library.</param>
/// <param name="Cpu">The CPU's and OS's features.</param>
public sealed record RuntimeInfo(
    string Version,
    string NativeLibraryPath,
    Isa ActiveIsa,
    IReadOnlyList<Isa> AvailableIsas,
    IReadOnlyList<Isa> CompiledIsas,
    CpuFeatures Cpu)
{
    /// <summary>Whether the scalar ISA does its fused multiply-adds as FMA instructions
    /// (see <see cref="DiffNativeRuntime.ScalarUsesHardwareFma"/>).</summary>
    public bool ScalarUsesHardwareFma { get; init; }
}
