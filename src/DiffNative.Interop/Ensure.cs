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

    private static string IsaContext()
    {
        var forced = Environment.GetEnvironmentVariable("DIFFNATIVE_ISA");
        var available = string.Join(", ", NativeCore.AvailableIsas.Select(i => i.ToName()));
        return string.IsNullOrEmpty(forced)
            ? $" Available here: {available}."
            : $" DIFFNATIVE_ISA={forced} asks for it; available here: {available}.";
    }
}
