using System.Runtime.InteropServices;

namespace DiffNative.Interop;

internal static unsafe partial class NativeMethods
{
    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_fd_steps(int isa, double* x, nuint n, double* scales, double baseStep, double* steps, nuint stepsLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_fd_combine(int isa, double* values, nuint valuesLength, nuint stride, double* weights, nuint npoints,
        double* steps, nuint count, int derivative, double* output, nuint outputLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_assemble_hessian(int isa, nuint n, double centre, double* plus, double* minus,
        double* pp, double* pm, double* mp, double* mm, nuint pairsLength, double* steps, double* hessian, nuint hessianLength);

    [LibraryImport(NativeLibraryLoader.LibraryName)]
    internal static partial DnStatus dn_richardson_level(int isa, nuint count, int level, double* previous, nuint previousLength,
        double* current, nuint currentLength, double* denominators, nuint denominatorsLength, double* best, double* error, double* bestLevel, nuint length);
}
