using System.Buffers.Binary;
using System.Runtime.InteropServices;
using DiffNative.Interop;
using DiffNative.Tests.Cli;

namespace DiffNative.Tests.Runtime;

/// <summary>DIFFNATIVE_LIBRARY_PATH pointing at something that is not a usable libdiffnative.so:
/// each case runs the CLI in a child process (the library loads once per process), which must
/// exit 2 with one line naming the path and what is wrong, never die in the loader (a truncated
/// copy used to kill the process with SIGBUS inside dlopen, another library to end in an
/// EntryPointNotFoundException naming neither).</summary>
public class NativeLibraryValidationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("diffnative-library").FullName;
    private static readonly string Library = Path.Combine(AppContext.BaseDirectory, "libdiffnative.so");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static bool Elf64LittleEndian => OperatingSystem.IsLinux() && IntPtr.Size == 8 && BitConverter.IsLittleEndian;

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>The library with some bytes changed (offsets of the ELF64 header, System V ABI).</summary>
    private string Patched(string name, Action<byte[]> patch, int? keep = null)
    {
        var bytes = File.ReadAllBytes(Library);
        patch(bytes);
        return Write(name, bytes[..(keep ?? bytes.Length)]);
    }

    private static void AssertRefused(string path, params string[] mentioned)
    {
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_LIBRARY_PATH"] = path }, "info");
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode} (135 is SIGBUS), stderr: {result.Stderr}");
        Assert.Equal("", result.Stdout);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("diffnative: ", lines[0]);
        Assert.DoesNotContain("Exception", lines[0]);
        foreach (var m in mentioned) Assert.Contains(m, lines[0]);
    }

    [Fact]
    public void A_copy_cut_in_half_is_refused_as_truncated()
    {
        if (!OperatingSystem.IsLinux()) return;
        var length = (int)new FileInfo(Library).Length;
        var path = Patched("half.so", _ => { }, length / 2);
        AssertRefused(path, path, "truncated", $"the file has {length / 2} bytes");
    }

    [Fact]
    public void A_truncated_copy_without_section_headers_is_refused_by_its_segments()
    {
        // The segments are what dlopen maps and faults on; without section headers (e_shoff,
        // e_shnum and e_shstrndx zeroed) they are the only thing that shows the truncation.
        if (!Elf64LittleEndian) return;
        var length = (int)new FileInfo(Library).Length;
        var path = Patched("no-sections.so", b =>
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(40), 0);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(60), 0);
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(62), 0);
        }, length / 2);
        AssertRefused(path, path, "truncated", "loadable segment");
    }

    [Fact]
    public void An_empty_file_is_refused() => AssertRefused(Write("empty.so", []), "empty.so", "empty");

    [Fact]
    public void A_text_file_is_refused()
    {
        if (!OperatingSystem.IsLinux()) return;
        var path = Write("text.so", "#!/bin/sh\necho not a library\n"u8.ToArray());
        AssertRefused(path, path, "not an ELF file");
    }

    [Fact]
    public void A_directory_without_the_library_is_refused_naming_the_path_tried()
    {
        var empty = Directory.CreateDirectory(Path.Combine(folder, "empty")).FullName;
        AssertRefused(empty, Path.Combine(empty, "libdiffnative.so"));
    }

    [Fact]
    public void A_copy_of_libc_is_refused_as_not_diffnative_without_loading_it()
    {
        if (!OperatingSystem.IsLinux()) return;
        var libc = File.ReadLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 6 && Path.GetFileName(f[5]).StartsWith("libc.so")).Select(f => f[5]).FirstOrDefault();
        Assert.NotNull(libc);
        var path = Write("libc-copy.so", File.ReadAllBytes(libc));
        AssertRefused(path, path, "does not define dn_abi_version", "not a DiffNative library");
    }

    [Fact]
    public void A_library_for_another_machine_is_refused_naming_both()
    {
        if (!Elf64LittleEndian || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        var path = Patched("aarch64.so", b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), 183));
        AssertRefused(path, path, "AArch64", "x86-64");
    }

    [Fact]
    public void A_32_bit_library_is_refused()
    {
        if (!Elf64LittleEndian) return;
        var path = Patched("elf32.so", b => b[4] = 1);
        AssertRefused(path, path, "32-bit ELF file", "64-bit");
    }

    [Fact]
    public void An_executable_is_refused_as_not_a_shared_library()
    {
        if (!Elf64LittleEndian) return;
        var path = Patched("executable.so", b => BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(16), 2));
        AssertRefused(path, path, "executable", "not a shared library");
    }

    [Fact]
    public void An_intact_copy_loads_from_where_it_was_pointed()
    {
        var path = Write("libdiffnative.so", File.ReadAllBytes(Library));
        var result = CliRunner.Run(new Dictionary<string, string?> { ["DIFFNATIVE_LIBRARY_PATH"] = path }, "info", "--json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains(path, result.Stdout);
    }

    [Fact]
    public void The_loaded_library_reports_the_abi_these_bindings_need()
    {
        Assert.Equal(NativeAbi.Version, NativeMethods.dn_abi_version());
        Assert.Null(NativeAbi.Problem(NativeAbi.Version));
    }

    [Fact]
    public void Another_abi_version_is_named_with_the_one_needed()
    {
        var problem = NativeAbi.Problem(NativeAbi.Version + 1);
        Assert.NotNull(problem);
        Assert.Contains($"ABI version {NativeAbi.Version + 1}", problem);
        Assert.Contains($"need version {NativeAbi.Version}", problem);
    }
}
