using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_fd_points(int isa, double* x, nuint n, double* direction, double* t, nuint rows,
        int* rowStart, int* index, double* delta, nuint deltas, double* output, nuint outputLength);
}
