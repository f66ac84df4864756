using DiffNative.Interop;

namespace DiffNative.Tests.Runtime;

public class NativeLibraryLoaderTests
{
    [Fact]
    public void Candidates_start_with_the_interop_assemblys_folder()
    {
        var folder = Path.GetDirectoryName(typeof(NativeLibraryLoader).Assembly.Location)!;
        if (Environment.GetEnvironmentVariable(NativeLibraryLoader.PathVariable) is { Length: > 0 })
            return; // the override replaces every candidate; the CLI tests cover that case
        Assert.Equal(Path.Combine(folder, "libdiffnative.so"), NativeLibraryLoader.Candidates()[0]);
    }

    [Fact]
    public void The_library_sits_next_to_this_test_assembly()
    {
        // The build copies libdiffnative.so next to every consumer's output.
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "libdiffnative.so")));
    }
}
