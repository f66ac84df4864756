using DiffNative.Interop;

namespace DiffNative;

/// <summary>The process-wide view of the native core: its library, the CPU, the active ISA, and
/// the backend used when a call names none.</summary>
public static class DiffNativeRuntime
{
    // Encoded as one int so that reads and writes are atomic: -1 managed, 0 native on the active
    // ISA, 1..3 native on that ISA.
    private static int defaultBackend;

    /// <summary>The backend used by calls that pass none; <see cref="Backend.Native"/> at start.</summary>
    /// <exception cref="IsaNotAvailableException">Set to a native backend on an ISA this machine
    /// cannot run; the default stays as it was.</exception>
    /// <exception cref="ArgumentException">Set to a managed backend with an ISA.</exception>
    public static Backend DefaultBackend
    {
        get
        {
            var code = Volatile.Read(ref defaultBackend);
            return code switch
            {
                -1 => Backend.Managed,
                0 => Backend.Native,
                _ => Backend.NativeOn((Isa)code),
            };
        }
        set
        {
            BackendCheck.Runnable(value, nameof(value));
            Volatile.Write(ref defaultBackend, value.Kind == BackendKind.Managed ? -1 : value.Isa is { } isa ? (int)isa : 0);
        }
    }

    /// <summary>The ISA native calls use when they name none. Chosen on first use: DIFFNATIVE_ISA
    /// when set, else the best available.</summary>
    /// <exception cref="IsaNotAvailableException">DIFFNATIVE_ISA names an ISA this machine cannot
    /// run, or is not an ISA name.</exception>
    public static Isa ActiveIsa => NativeCore.ActiveIsa;

    /// <summary>Makes <paramref name="isa"/> the active ISA for the whole process.</summary>
    /// <exception cref="IsaNotAvailableException">This CPU, OS or build cannot run it.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="isa"/> is not scalar, avx2 or avx512.</exception>
    public static void SetActiveIsa(Isa isa) => NativeCore.SetActiveIsa(Backend.Defined(isa, nameof(isa)));

    /// <summary>ISAs compiled in and runnable here, worst to best.</summary>
    public static IReadOnlyList<Isa> AvailableIsas => NativeCore.AvailableIsas;

    /// <summary>ISAs compiled into the loaded library, worst to best.</summary>
    public static IReadOnlyList<Isa> CompiledIsas => NativeCore.CompiledIsas;

    /// <summary>This CPU's and OS's features.</summary>
    public static CpuFeatures Cpu => CpuFeatures.FromBits(NativeCore.CpuFeatureBits);

    /// <summary>Whether <see cref="Isa.Scalar"/> does each fused multiply-add as one FMA
    /// instruction (its <c>-mfma</c> build, run where the CPU has FMA) rather than a libm
    /// <c>fma()</c> call, which is a software routine on CPUs without FMA. The bits are the same;
    /// only the speed differs.</summary>
    public static bool ScalarUsesHardwareFma => NativeCore.ScalarUsesHardwareFma;

    /// <summary>Everything above in one record.</summary>
    /// <exception cref="IsaNotAvailableException">DIFFNATIVE_ISA cannot be honoured.</exception>
    public static RuntimeInfo Describe() => new(
        NativeCore.Version, NativeCore.LibraryPath, ActiveIsa, AvailableIsas, CompiledIsas, Cpu)
    {
        ScalarUsesHardwareFma = ScalarUsesHardwareFma,
    };

    /// <summary>Resolves a call's backend: the one given, else the default; refuses one that
    /// cannot run here (a named ISA the machine lacks, or a bad DIFFNATIVE_ISA for the active
    /// one) the same way whichever kernel the call runs.</summary>
    internal static Backend Resolve(Backend? backend)
    {
        var chosen = backend ?? DefaultBackend;
        BackendCheck.Runnable(chosen, nameof(backend));
        if (chosen is { Kind: BackendKind.Native, Isa: null }) BackendCheck.ActiveIsaChosen();
        return chosen;
    }
}
