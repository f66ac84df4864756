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
/// <see cref="DiffNativeRuntime.DefaultBackend"/>. Every operation exists on every backend.
/// Undefined enum values are refused when the backend is built (also through <c>with</c>), so no
/// call can quietly run on some other path; whether a named ISA runs here is checked when a call
/// or <see cref="DiffNativeRuntime.DefaultBackend"/> uses the backend.</summary>
/// <param name="Kind">Native or managed.</param>
/// <param name="Isa">For <see cref="BackendKind.Native"/>, a specific ISA, or null for the active
/// one. Always null for <see cref="BackendKind.Managed"/>.</param>
/// <exception cref="ArgumentOutOfRangeException"><paramref name="Kind"/> or <paramref name="Isa"/>
/// is not a defined value (ParamName <c>Kind</c> or <c>Isa</c>).</exception>
/// <exception cref="ArgumentException">A managed backend with an ISA (ParamName <c>Isa</c>).</exception>
public readonly record struct Backend(BackendKind Kind, Isa? Isa)
{
    /// <summary>Native or managed.</summary>
    public BackendKind Kind { get; init => field = Defined(value, nameof(Kind)); } = Defined(Kind, nameof(Kind));

    /// <summary>The named ISA of a native backend, or null for the active one.</summary>
    public Isa? Isa { get; init => field = Defined(value, nameof(Isa)); } = Consistent(Kind, Defined(Isa, nameof(Isa)));

    /// <summary>The native core on the active ISA.</summary>
    public static Backend Native => new(BackendKind.Native, null);

    /// <summary>The pure-C# reference implementation.</summary>
    public static Backend Managed => new(BackendKind.Managed, null);

    /// <summary>The native core on <paramref name="isa"/>, whatever the active ISA is. Touches no
    /// global state, so tests and benchmarks can compare paths side by side.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="isa"/> is not scalar, avx2 or avx512.</exception>
    public static Backend NativeOn(Isa isa) => new(BackendKind.Native, Defined(isa, nameof(isa)));

    /// <summary>"managed", "native" or "native-avx2" style names.</summary>
    public override string ToString() => Kind == BackendKind.Managed
        ? "managed"
        : Isa is { } isa ? $"native-{isa.ToName()}" : "native";

    internal static BackendKind Defined(BackendKind kind, string name) => kind is BackendKind.Native or BackendKind.Managed
        ? kind
        : throw new ArgumentOutOfRangeException(name, kind, "Not a backend kind: expected Native or Managed.");

    internal static Isa Defined(Isa isa, string name) => isa is DiffNative.Isa.Scalar or DiffNative.Isa.Avx2 or DiffNative.Isa.Avx512
        ? isa
        : throw new ArgumentOutOfRangeException(name, isa, "Not an ISA: expected scalar, avx2 or avx512.");

    private static Isa? Defined(Isa? isa, string name) => isa is { } named ? Defined(named, name) : null;

    private static Isa? Consistent(BackendKind kind, Isa? isa) => kind == BackendKind.Managed && isa is not null
        ? throw new ArgumentException($"The managed backend runs no ISA, but {isa} was given.", nameof(Isa))
        : isa;
}
