using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    /// <summary>See dn_activate in diffnative.h; value or derivative may be null.</summary>
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_activate(int isa, int kind, double alpha, double* x, nuint n,
        double* value, nuint valueLength, double* derivative, nuint derivativeLength);

    /// <summary>See dn_activate_f32 in diffnative.h; value or derivative may be null.</summary>
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_activate_f32(int isa, int kind, double alpha, float* x, nuint n,
        float* value, nuint valueLength, float* derivative, nuint derivativeLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_activate_backward_f32(int isa, int kind, double alpha, float* x, float* upstream, nuint n,
        float* gradient, nuint gradientLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_softmax(int isa, int logForm, double* x, nuint rows, nuint cols, double* y, nuint yLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_softmax_f32(int isa, int logForm, float* x, nuint rows, nuint cols, float* y, nuint yLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_softmax_backward(int isa, int logForm, double* y, double* g, nuint rows, nuint cols,
        double* dx, nuint dxLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_softmax_backward_f32(int isa, int logForm, float* y, float* g, nuint rows, nuint cols,
        float* dx, nuint dxLength);
}
