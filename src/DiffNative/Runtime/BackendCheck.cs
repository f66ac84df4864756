using DiffNative.Interop;

namespace DiffNative;

/// <summary>Whether a backend can run here, checked where a call or the default backend uses it:
/// an undefined value, a managed backend with an ISA, or a named ISA this machine cannot run is
/// an exception, never a quiet run on another path.</summary>
internal static class BackendCheck
{
    // The runnable ISAs do not change while the process runs, and the check sits on every call.
    private static readonly Lazy<uint> Available = new(() => NativeCore.AvailableMask);
    private static volatile bool activeChosen;

    /// <summary>Throws unless <paramref name="backend"/> is well formed and its named ISA, if any,
    /// runs on this machine.</summary>
    internal static void Runnable(Backend backend, string name)
    {
        Wellformed(backend, name);
        if (backend.Isa is { } isa) Runnable(backend, isa, Available.Value);
    }

    /// <summary>As <see cref="Runnable(Backend, string)"/> for a machine that runs the ISAs whose
    /// bits (1 &lt;&lt; isa) are set in <paramref name="available"/>.</summary>
    internal static void Runnable(Backend backend, string name, uint available)
    {
        Wellformed(backend, name);
        if (backend.Isa is { } isa) Runnable(backend, isa, available);
    }

    /// <summary>Throws the DIFFNATIVE_ISA error until the active ISA has once been chosen, so that
    /// every native call on the active ISA refuses a bad variable, also those whose kernel has
    /// no ISA paths.</summary>
    internal static void ActiveIsaChosen()
    {
        if (activeChosen) return;
        _ = NativeCore.ActiveIsa;
        activeChosen = true;
    }

    private static void Wellformed(Backend backend, string name)
    {
        // Defined values are enforced when a backend is built; default(Backend) and unsafe
        // copies are the only ways around that, so this repeats the check for them.
        Backend.Defined(backend.Kind, name);
        if (backend.Isa is { } isa) Backend.Defined(isa, name);
        if (backend.Kind == BackendKind.Managed && backend.Isa is not null)
            throw new ArgumentException($"The managed backend runs no ISA, but {backend.Isa} was given.", name);
    }

    private static void Runnable(Backend backend, Isa isa, uint available)
    {
        if ((available & (1u << (int)isa)) != 0) return;
        var here = string.Join(", ", IsaNames.FromMask(available).Select(i => i.ToName()));
        throw new IsaNotAvailableException(
            $"The backend {backend} needs {isa.ToName()}, which this CPU, operating system or build cannot run; available here: {here}.");
    }
}
