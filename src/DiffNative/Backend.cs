namespace DiffNative;

/// <summary>Which implementation computes an operation.</summary>
public enum BackendKind
{
    /// <summary>The native C core, on the active ISA or on a named one.</summary>
    Native,

    /// <summary>The pure-C# reference implementation.</summary>
    Managed,
}

/// <summary>The implementation to use for one call, or for all calls through
/// <see cref="DiffNativeRuntime.DefaultBackend"/>. Every operation exists on every backend.</summary>
/// <param name="Kind">Native or managed.</param>
/// <param name="Isa">For <see cref="BackendKind.Native"/>, a specific ISA, or null for the active
/// one. Always null for <see cref="BackendKind.Managed"/>.</param>
public readonly record struct Backend(BackendKind Kind, Isa? Isa)
{
    /// <summary>The native core on the active ISA.</summary>
    public static Backend Native => new(BackendKind.Native, null);

    /// <summary>The pure-C# reference implementation.</summary>
    public static Backend Managed => new(BackendKind.Managed, null);

    /// <summary>The native core on <paramref name="isa"/>, whatever the active ISA is. Touches no
    /// global state, so tests and benchmarks can compare paths side by side.</summary>
    public static Backend NativeOn(Isa isa) => new(BackendKind.Native, isa);

    /// <summary>"managed", "native" or "native-avx2" style names.</summary>
    public override string ToString() => Kind == BackendKind.Managed
        ? "managed"
        : Isa is { } isa ? $"native-{isa.ToName()}" : "native";
}
