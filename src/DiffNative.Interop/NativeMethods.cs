namespace DiffNative.Interop;

/// <summary>The C API, one partial file per area as in diffnative.h. The static constructor
/// installs the library resolver before the first call.</summary>
internal static unsafe partial class NativeMethods
{
    static NativeMethods() => NativeLibraryLoader.Install();
}
