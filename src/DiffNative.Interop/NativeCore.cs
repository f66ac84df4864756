namespace DiffNative.Interop;

/// <summary>Typed, exception-throwing access to the C API, one partial file per area as in
/// diffnative.h and NativeMethods: each wrapper is its C function's name in PascalCase. Spans are
/// pinned, never copied; an ISA of null means the active one.</summary>
internal static unsafe partial class NativeCore;
