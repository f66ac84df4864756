using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    /// <summary>See dn_activate in diffnative.h; value or derivative may be null.</summary>
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_activate(int isa, int kind, double alpha, double* x, nuint n,
        double* value, nuint valueLength, double* derivative, nuint derivativeLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_softmax(int isa, int logForm, double* x, nuint rows, nuint cols, double* y, nuint yLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_softmax_backward(int isa, int logForm, double* y, double* g, nuint rows, nuint cols,
        double* dx, nuint dxLength);
}
