using System.Runtime.InteropServices;

namespace DiffNative.Interop;

/// <summary>The one place where native status codes become exceptions (as LibGit2Sharp's Ensure).
/// The facade validates arguments first with named parameters, so the argument cases here are a
/// safety net; the ISA cases are how a bad DIFFNATIVE_ISA reaches the caller.</summary>
internal static unsafe class Ensure
{
    internal static void Success(DnStatus status, string operation)
    {
        if (status != DnStatus.Ok)
            throw ToException(status, operation);
    }

    internal static string Describe(DnStatus status) =>
        Marshal.PtrToStringUTF8((IntPtr)NativeMethods.dn_status_string(status)) ?? status.ToString();

    internal static Exception ToException(DnStatus status, string operation)
    {
        var message = $"{operation}: {Describe(status)}.";
        return status switch
        {
            DnStatus.UnknownIsa or DnStatus.IsaUnsupported or DnStatus.IsaNotCompiled
                => new IsaNotAvailableException(message + IsaContext()),
            DnStatus.InvalidStep or DnStatus.InvalidArgument => new ArgumentOutOfRangeException(null, message),
            DnStatus.NullPointer or DnStatus.Length or DnStatus.SizeOverflow or DnStatus.Overlap or DnStatus.BufferTooSmall
                => new ArgumentException(message),
            _ => new DiffNativeException(message + $" (status {(int)status})"),
        };
    }

    /// <summary>Why the active ISA could not be chosen: when DIFFNATIVE_ISA is the cause, one
    /// message that names it and the accepted names, whichever call met it first.</summary>
    internal static Exception ActiveIsaFailure(DnStatus status)
    {
        var forced = Environment.GetEnvironmentVariable(IsaVariable);
        if (string.IsNullOrEmpty(forced) || status is not (DnStatus.UnknownIsa or DnStatus.IsaUnsupported or DnStatus.IsaNotCompiled))
            return ToException(status, "choosing the active ISA");
        if (status == DnStatus.UnknownIsa)
            return new IsaNotAvailableException($"{IsaVariable}={forced} is not an ISA name; the accepted names are scalar, avx2 and avx512.");
        var reason = status == DnStatus.IsaNotCompiled ? "this build of the library does not contain" : "this CPU or operating system cannot run";
        var available = string.Join(", ", NativeCore.AvailableIsas.Select(i => i.ToName()));
        return new IsaNotAvailableException(
            $"{IsaVariable}={forced} names an ISA that {reason}; available here: {available} (the accepted names are scalar, avx2 and avx512).");
    }

    /// <summary>The environment variable that forces the active ISA (read by the native core).</summary>
    internal const string IsaVariable = "DIFFNATIVE_ISA";

    private static string IsaContext()
    {
        var forced = Environment.GetEnvironmentVariable(IsaVariable);
        var available = string.Join(", ", NativeCore.AvailableIsas.Select(i => i.ToName()));
        return string.IsNullOrEmpty(forced)
            ? $" Available here: {available}."
            : $" {IsaVariable}={forced} asks for it; available here: {available}.";
    }
}
