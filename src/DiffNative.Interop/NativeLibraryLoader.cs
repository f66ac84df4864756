using System.Reflection;
using System.Runtime.InteropServices;
using Silk.NET.Core.Loader;

namespace DiffNative.Interop;

/// <summary>Finds and loads libdiffnative once. DIFFNATIVE_LIBRARY_PATH (a file or a folder), when
/// set, is the only place tried, so a wrong override is an error rather than a silent fallback;
/// otherwise the interop assembly's folder and then Silk.NET's default candidates (application
/// folder, runtimes/&lt;rid&gt;/native, the plain name for the system loader). A file that exists
/// is checked before it is loaded (<see cref="LibraryFileCheck"/>) and its ABI version after;
/// every failure is a <see cref="DllNotFoundException"/> naming the path and the reason, and a
/// library that cannot be found lists every path tried.</summary>
internal static class NativeLibraryLoader
{
    internal const string LibraryName = "diffnative";
    internal const string FileName = "libdiffnative.so";
    internal const string PathVariable = "DIFFNATIVE_LIBRARY_PATH";

    private static readonly Lazy<IntPtr> Handle = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int installed;

    /// <summary>Installs the import resolver for the interop assembly; safe to call many times.</summary>
    internal static void Install()
    {
        if (Interlocked.Exchange(ref installed, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryLoader).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath) =>
        name == LibraryName ? Handle.Value : IntPtr.Zero;

    /// <summary>The paths tried, in order.</summary>
    internal static IReadOnlyList<string> Candidates()
    {
        var overridePath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(overridePath))
            return [Directory.Exists(overridePath) ? Path.Combine(overridePath, FileName) : overridePath];

        var candidates = new List<string>();
        var assemblyDirectory = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDirectory))
        {
            candidates.Add(Path.Combine(assemblyDirectory, FileName));
            candidates.Add(Path.Combine(assemblyDirectory, "runtimes", "linux-x64", "native", FileName));
        }
        candidates.AddRange(new DefaultPathResolver().EnumeratePossibleLibraryLoadTargets(FileName));
        return candidates.Distinct().ToArray();
    }

    private static IntPtr Load()
    {
        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            tried.Add(candidate);
            // A file that is there but unusable is an error, not a reason to load another copy
            // from further down the list. Bare names go to the system loader's own search.
            if (Path.IsPathRooted(candidate) || candidate.Contains(Path.DirectorySeparatorChar))
            {
                if (!File.Exists(candidate) && !Directory.Exists(candidate)) continue;
                if (LibraryFileCheck.Problem(candidate) is { } problem) throw Unusable(candidate, problem);
                IntPtr loaded;
                try
                {
                    loaded = NativeLibrary.Load(candidate);
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    throw Unusable(candidate, $"the system loader refused it ({e.Message})");
                }
                return Verified(loaded, candidate);
            }
            if (NativeLibrary.TryLoad(candidate, out var handle))
                return Verified(handle, candidate);
        }
        throw new DllNotFoundException(
            $"Could not load the DiffNative native library{OverrideNote()}. Paths tried: {string.Join(", ", tried)}. " +
            $"Build it with 'dotnet build' (which runs CMake) or point {PathVariable} at libdiffnative.so.");
    }

    /// <summary>The handle of a loaded library that exports dn_abi_version and reports the ABI
    /// these bindings were written for; otherwise it is unloaded and refused.</summary>
    private static unsafe IntPtr Verified(IntPtr handle, string path)
    {
        string? problem;
        if (!NativeLibrary.TryGetExport(handle, NativeAbi.VersionFunction, out var function))
            problem = $"it does not export {NativeAbi.VersionFunction}, so it is not a DiffNative library (or is one older than these bindings)";
        else
            problem = NativeAbi.Problem(((delegate* unmanaged<uint>)function)());
        if (problem is null) return handle;
        NativeLibrary.Free(handle);
        throw Unusable(path, problem);
    }

    private static DllNotFoundException Unusable(string path, string problem) =>
        new($"The DiffNative native library '{path}' cannot be used{OverrideNote()}: {problem}.".ReplaceLineEndings(" "));

    private static string OverrideNote() => Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 }
        ? $" ({PathVariable} is set, so only it was tried)"
        : "";
}
