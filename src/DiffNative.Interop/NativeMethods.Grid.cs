using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    /// <summary>isa 0 is the active ISA; see dn_sampled_gradient in diffnative.h.</summary>
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_sampled_gradient(int isa, double* y, nuint n, double h, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_numpy_gradient(int isa, double* y, nuint n, double h, int edgeOrder, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_numpy_gradient_coordinates(double* y, double* x, nuint n, int edgeOrder, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_grid_derivative_coordinates(double* y, double* x, nuint n, int derivative, int accuracy, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_grid_derivative(int isa, double* y, nuint* shape, nuint ndim, nuint axis, double spacing, int derivative, int accuracy, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_grid_laplacian(int isa, double* y, nuint* shape, nuint ndim, double* spacing, int accuracy, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_grid_derivative_part(int isa, double* y, nuint* shape, nuint ndim, nuint axis, double spacing, int derivative, int accuracy,
        nuint part, nuint parts, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_grid_laplacian_part(int isa, double* y, nuint* shape, nuint ndim, double* spacing, int accuracy,
        nuint part, nuint parts, double* output, nuint outputLength);
}
