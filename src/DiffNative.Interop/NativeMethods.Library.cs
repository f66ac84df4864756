using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial byte* dn_status_string(DnStatus status);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial byte* dn_version();

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial uint dn_abi_version();

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_library_path(byte* buffer, nuint capacity, nuint* needed);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_cpu_features(ulong* features);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_isa_compiled_mask(uint* mask);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_isa_available_mask(uint* mask);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_scalar_uses_hardware_fma(int* uses);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_get_active_isa(int* isa);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_set_active_isa(int isa);
}
