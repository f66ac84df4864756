namespace DiffNative.Cli;

/// <summary>DIFFNATIVE_ISA, checked before any verb runs. The native core reads it at its first
/// kernel call, so without this check a verb that never reaches a kernel (or reaches one only for
/// some options) would ignore a bad value, and the others would fail naming an internal function.</summary>
internal static class ForcedIsa
{
    internal const string Variable = "DIFFNATIVE_ISA";

    /// <exception cref="IsaNotAvailableException">The value is not an ISA's name, or names one this
    /// machine cannot run (the library's own message, the same on every path).</exception>
    internal static void Check()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            return; // the core treats an empty value as unset
        _ = DiffNativeRuntime.ActiveIsa; // chosen from the variable now, or refused
    }
}
