namespace DiffNative;

/// <summary>An error reported by the native core that is not an argument error.</summary>
public class DiffNativeException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public DiffNativeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DiffNativeException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>An ISA was requested (through DIFFNATIVE_ISA, the API or the CLI) that this CPU, OS or
/// build cannot run. DiffNative never falls back silently to another one.</summary>
public sealed class IsaNotAvailableException : DiffNativeException
{
    /// <summary>Creates the exception.</summary>
    public IsaNotAvailableException(string message) : base(message) { }
}
