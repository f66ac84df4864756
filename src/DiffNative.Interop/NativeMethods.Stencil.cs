using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_finite_difference_weights(int derivative, double* offsets, nuint n, double x0, double* weights, nuint weightsLength);
}
