using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_sparse_combine(int isa, double* values, nuint valuesLength, nuint stride, double* weights, nuint npoints,
        int* sources, int* columns, nuint count, double* steps, nuint stepsLength, double* output, nuint outputLength);
}
