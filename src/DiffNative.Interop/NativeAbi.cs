namespace DiffNative.Interop;

/// <summary>The C API's binary interface these bindings are written against: DN_ABI_VERSION in
/// diffnative.h, which the loaded library reports through dn_abi_version.</summary>
internal static class NativeAbi
{
    internal const uint Version = 2;

    /// <summary>The exported function that says which interface a library implements; a library
    /// without it is not DiffNative.</summary>
    internal const string VersionFunction = "dn_abi_version";

    /// <summary>What is wrong with a library that reports <paramref name="reported"/>, or null.</summary>
    internal static string? Problem(uint reported) => reported == Version
        ? null
        : $"it implements ABI version {reported} of the C API and these bindings need version {Version}: install a DiffNative.Interop and a libdiffnative of the same release";
}
