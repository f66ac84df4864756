using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    /// <summary>isa 0 is the active ISA; see dn_gradient_uniform in diffnative.h.</summary>
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_gradient_uniform(int isa, double* y, nuint n, double h, double* output, nuint outputLength);
}
