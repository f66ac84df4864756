using System.Text;

namespace DiffNative;

/// <summary>What the process runs on: the native library, the CPU and the ISA paths. Its
/// <see cref="object.ToString"/> names every ISA as <c>scalar</c>, <c>avx2</c> or <c>avx512</c>.</summary>
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

    // The generated printer writes a list as its type name ("DiffNative.Isa[]"); a log line
    // should say which ISAs, by the names DIFFNATIVE_ISA and the CLI use.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Version = {Version}, NativeLibraryPath = {NativeLibraryPath}, ActiveIsa = {Name(ActiveIsa)}, ");
        builder.Append($"AvailableIsas = {Names(AvailableIsas)}, CompiledIsas = {Names(CompiledIsas)}, ");
        builder.Append($"Cpu = {Cpu}, ScalarUsesHardwareFma = {ScalarUsesHardwareFma}");
        return true;
    }

    private static string Names(IReadOnlyList<Isa>? isas) => isas is null ? "" : $"[{string.Join(", ", isas.Select(Name))}]";

    // An undefined value (a user's own record) prints as its number rather than throwing.
    private static string Name(Isa isa) => Enum.IsDefined(isa) ? isa.ToName() : ((int)isa).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
