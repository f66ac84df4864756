using System.Runtime.InteropServices;
using System.Text;

namespace DiffNative.Interop;

/// <summary>Version, library path, CPU features and ISA dispatch (api_library.c, dispatch.c).</summary>
internal static unsafe partial class NativeCore
{
    internal static string Version => Marshal.PtrToStringUTF8((IntPtr)NativeMethods.dn_version()) ?? "";

    internal static string LibraryPath
    {
        get
        {
            nuint needed = 0;
            NativeMethods.dn_library_path(null, 0, &needed);
            var buffer = new byte[(int)needed];
            fixed (byte* p = buffer)
                Ensure.Success(NativeMethods.dn_library_path(p, needed, &needed), "dn_library_path");
            return Encoding.UTF8.GetString(buffer, 0, Math.Max(0, (int)needed - 1));
        }
    }

    internal static ulong CpuFeatureBits
    {
        get
        {
            ulong features;
            Ensure.Success(NativeMethods.dn_cpu_features(&features), "dn_cpu_features");
            return features;
        }
    }

    internal static IReadOnlyList<Isa> CompiledIsas
    {
        get
        {
            uint mask;
            Ensure.Success(NativeMethods.dn_isa_compiled_mask(&mask), "dn_isa_compiled_mask");
            return IsaNames.FromMask(mask);
        }
    }

    internal static IReadOnlyList<Isa> AvailableIsas => IsaNames.FromMask(AvailableMask);

    /// <summary>Bit 1 &lt;&lt; isa for each ISA compiled in and runnable here.</summary>
    internal static uint AvailableMask
    {
        get
        {
            uint mask;
            Ensure.Success(NativeMethods.dn_isa_available_mask(&mask), "dn_isa_available_mask");
            return mask;
        }
    }

    internal static bool ScalarUsesHardwareFma
    {
        get
        {
            int uses;
            Ensure.Success(NativeMethods.dn_scalar_uses_hardware_fma(&uses), "dn_scalar_uses_hardware_fma");
            return uses != 0;
        }
    }

    internal static Isa ActiveIsa
    {
        get
        {
            int isa;
            var status = NativeMethods.dn_get_active_isa(&isa);
            if (status != DnStatus.Ok) throw Ensure.ActiveIsaFailure(status);
            return (Isa)isa;
        }
    }

    internal static void SetActiveIsa(Isa isa) =>
        Ensure.Success(NativeMethods.dn_set_active_isa((int)isa), $"setting the active ISA to {isa.ToName()}");
}
