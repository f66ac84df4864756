using System.Buffers.Binary;

namespace DiffNative.Interop;

/// <summary>Checks a library file before the system loader maps it: the loader trusts the file's
/// headers, so a truncated copy faults (SIGBUS) inside dlopen, where nothing can report it. ELF is
/// checked in depth on Linux; elsewhere the file must start with its platform's magic number.</summary>
internal static class LibraryFileCheck
{
    /// <summary>What is wrong with the file at <paramref name="path"/> as a DiffNative library for
    /// this process, or null when it may be loaded.</summary>
    internal static string? Problem(string path)
    {
        if (Directory.Exists(path)) return "it is a directory, not a file";
        long length;
        try
        {
            length = new FileInfo(path).Length;
            using var handle = File.OpenHandle(path);
            if (length == 0) return "the file is empty";
            if (OperatingSystem.IsLinux()) return ElfFile.Problem(handle, length);
            Span<byte> start = stackalloc byte[4];
            var read = RandomAccess.Read(handle, start, 0);
            if (OperatingSystem.IsWindows())
                return read >= 2 && start[0] == 'M' && start[1] == 'Z' ? null : "it is not a Windows DLL (no MZ header)";
            if (OperatingSystem.IsMacOS())
                return read == 4 && IsMachO(BinaryPrimitives.ReadUInt32BigEndian(start)) ? null : "it is not a Mach-O library (no Mach-O magic number)";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be read ({e.Message})";
        }
    }

    // 64- and 32-bit Mach-O in either byte order, and universal ("fat") files.
    private static bool IsMachO(uint magic) => magic is 0xFEEDFACF or 0xCFFAEDFE or 0xFEEDFACE or 0xCEFAEDFE or 0xCAFEBABE or 0xBEBAFECA;
}
