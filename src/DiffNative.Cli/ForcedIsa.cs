namespace DiffNative.Cli;

/// <summary>DIFFNATIVE_ISA, checked before any verb runs. The native core reads it at its first
/// kernel call, so without this check a verb that never reaches a kernel (or reaches one only for
/// some options) would ignore a bad value, and the others would fail naming an internal function.</summary>
internal static class ForcedIsa
{
    internal const string Variable = "DIFFNATIVE_ISA";

    /// <exception cref="FormatException">The value is not an ISA's name.</exception>
    /// <exception cref="IsaNotAvailableException">It names an ISA this machine cannot run.</exception>
    internal static void Check()
    {
        var name = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(name))
            return; // the core treats an empty value as unset
        if (!IsaNames.TryParse(name, out var isa))
            throw new FormatException($"{Variable}={name} is not an ISA: expected {Names(IsaNames.All)}.");
        if (!DiffNativeRuntime.AvailableIsas.Contains(isa))
            throw new IsaNotAvailableException($"{Variable}={name} cannot run on this machine; available here: {Names(DiffNativeRuntime.AvailableIsas)}.");
    }

    private static string Names(IReadOnlyList<Isa> isas) => isas.Count switch
    {
        1 => isas[0].ToName(),
        _ => string.Join(", ", isas.Take(isas.Count - 1).Select(i => i.ToName())) + " or " + isas[^1].ToName(),
    };
}
