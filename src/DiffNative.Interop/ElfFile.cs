using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DiffNative.Interop;

/// <summary>An ELF file as dlopen will see it: identification (class, byte order, type, machine)
/// matching this process, every header, loadable segment and section inside the file (dlopen maps
/// segments without checking, and a page past the end faults with SIGBUS), and a definition of
/// dn_abi_version in the dynamic symbol table, so another library is refused without running its
/// initialisers. Field offsets are those of the System V ABI's ELF32 and ELF64 structures.</summary>
internal sealed class ElfFile
{
    private const int TypeSharedObject = 3, SegmentLoad = 1, SectionNoBits = 8, SectionDynamicSymbols = 11, ExtendedCount = 0xFFFF;
    private const int MaxHeaders = 1 << 20;

    private readonly SafeFileHandle handle;
    private readonly ulong length;
    private readonly bool wide;

    private ElfFile(SafeFileHandle handle, long length, bool wide)
    {
        this.handle = handle;
        this.length = (ulong)length;
        this.wide = wide;
    }

    /// <summary>What keeps the file from being loaded into this process, or null.</summary>
    internal static string? Problem(SafeFileHandle handle, long length)
    {
        var ident = new byte[16];
        var read = RandomAccess.Read(handle, ident, 0);
        if (read < 4 || ident[0] != 0x7F || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F')
            return "it is not an ELF file (it does not start with 7F 'E' 'L' 'F')";
        if (read < ident.Length)
            return $"it is truncated: {length} bytes are too few for an ELF header";
        if (ident[4] is not (1 or 2))
            return $"its ELF class byte is {ident[4]}, neither 32- nor 64-bit";
        var processWide = IntPtr.Size == 8;
        if ((ident[4] == 2) != processWide)
            return $"it is a {(ident[4] == 2 ? 64 : 32)}-bit ELF file and this process is {(processWide ? 64 : 32)}-bit";
        if (ident[5] != (BitConverter.IsLittleEndian ? 1 : 2))
            return $"it is a {(ident[5] == 2 ? "big" : "little")}-endian ELF file and this process is {(BitConverter.IsLittleEndian ? "little" : "big")}-endian";
        return new ElfFile(handle, length, processWide).Check();
    }

    private string? Check()
    {
        var header = Read(0, wide ? 64 : 52);
        if (header is null) return $"it is truncated: the ELF header needs {(wide ? 64 : 52)} bytes and the file has {length}";
        var type = U16(header, 16);
        if (type != TypeSharedObject)
            return $"it is an ELF {TypeName(type)}, not a shared library";
        var machine = U16(header, 18);
        if (ExpectedMachine() is { } expected && machine != expected)
            return $"it is built for {MachineName(machine)} and this process runs on {MachineName(expected)}";

        var phoff = Word(header, wide ? 32 : 28);
        var shoff = Word(header, wide ? 40 : 32);
        int phentsize = U16(header, wide ? 54 : 42), phnum = U16(header, wide ? 56 : 44);
        int shentsize = U16(header, wide ? 58 : 46);
        ulong shnum = U16(header, wide ? 60 : 48);
        int sectionSize = wide ? 64 : 40, segmentSize = wide ? 56 : 32;

        byte[]? first = null;
        if (shoff != 0)
        {
            if (shentsize != sectionSize) return $"its section header size is {shentsize}, not {sectionSize}";
            first = Read(shoff, sectionSize);
            if (first is null) return Truncated("its section headers", End(shoff, 1, (ulong)sectionSize));
            // More than 0xFF00 sections, or 0xFFFF segments: the counts move into section 0.
            if (shnum == 0) shnum = Word(first, wide ? 32 : 20);
            if (phnum == ExtendedCount) phnum = (int)Math.Min(U32(first, wide ? 44 : 28), int.MaxValue);
            if (End(shoff, shnum, (ulong)sectionSize) > length) return Truncated("its section headers", End(shoff, shnum, (ulong)sectionSize));
        }
        // Real libraries have tens of sections and segments; a million is a corrupt header.
        if (shnum > MaxHeaders || phnum > MaxHeaders) return $"it is corrupt: it claims {shnum} sections and {phnum} segments";
        if (phnum == 0) return "it has no program headers, so nothing to load";
        if (phentsize != segmentSize) return $"its program header size is {phentsize}, not {segmentSize}";
        var segments = Read(phoff, phnum * segmentSize);
        if (segments is null) return Truncated("its program headers", End(phoff, (ulong)phnum, (ulong)segmentSize));
        var loadable = 0;
        for (var i = 0; i < phnum; i++)
        {
            var at = i * segmentSize;
            if (U32(segments, at) != SegmentLoad) continue;
            loadable++;
            var offset = Word(segments, at + (wide ? 8 : 4));
            var size = Word(segments, at + (wide ? 32 : 16));
            if (End(offset, 1, size) > length) return Truncated($"its loadable segment {i}", End(offset, 1, size));
        }
        if (loadable == 0) return "it has no loadable segments";
        return shoff == 0 ? null : CheckSections(shoff, (int)shnum);
    }

    private string? CheckSections(ulong shoff, int count)
    {
        var sectionSize = wide ? 64 : 40;
        var sections = Read(shoff, count * sectionSize)!;
        var dynamicSymbols = -1;
        for (var i = 0; i < count; i++)
        {
            var at = i * sectionSize;
            var type = U32(sections, at + 4);
            if (type == SectionDynamicSymbols && dynamicSymbols < 0) dynamicSymbols = i;
            if (type == SectionNoBits) continue;
            var (offset, size) = (Word(sections, at + (wide ? 24 : 16)), Word(sections, at + (wide ? 32 : 20)));
            if (size != 0 && End(offset, 1, size) > length) return Truncated($"its section {i}", End(offset, 1, size));
        }
        if (dynamicSymbols < 0) return NotDiffNative("it exports no dynamic symbols");
        var symbols = Section(sections, dynamicSymbols);
        var link = (int)U32(sections, dynamicSymbols * sectionSize + (wide ? 40 : 24));
        if (symbols is null || link >= count || Section(sections, link) is not { } names)
            return NotDiffNative("its dynamic symbol table cannot be read");
        return Defines(symbols, names, NativeAbi.VersionFunction) ? null : NotDiffNative($"it does not define {NativeAbi.VersionFunction}");
    }

    /// <summary>Whether a symbol table defines <paramref name="name"/> (section index not 0, undefined).</summary>
    private bool Defines(byte[] symbols, byte[] names, string name)
    {
        var wanted = Encoding.ASCII.GetBytes(name + "\0");
        var symbolSize = wide ? 24 : 16;
        for (var at = 0; at + symbolSize <= symbols.Length; at += symbolSize)
        {
            var nameAt = U32(symbols, at);
            var sectionIndex = U16(symbols, at + (wide ? 6 : 14));
            if (sectionIndex != 0 && nameAt + (ulong)wanted.Length <= (ulong)names.Length
                && names.AsSpan((int)nameAt, wanted.Length).SequenceEqual(wanted))
                return true;
        }
        return false;
    }

    // Symbol tables of real libraries are a few megabytes at most; more is a corrupt header.
    private byte[]? Section(byte[] sections, int index)
    {
        var at = index * (wide ? 64 : 40);
        var size = Word(sections, at + (wide ? 32 : 20));
        return size > 64 << 20 ? null : Read(Word(sections, at + (wide ? 24 : 16)), (int)size);
    }

    private byte[]? Read(ulong offset, int count)
    {
        if (End(offset, 1, (ulong)count) > length) return null;
        var buffer = new byte[count];
        return RandomAccess.Read(handle, buffer, (long)offset) == count ? buffer : null;
    }

    private string Truncated(string part, ulong end) =>
        end == ulong.MaxValue
            ? $"it is corrupt: {part} lie beyond any file size"
            : $"it is truncated or corrupt: {part} end at byte {end} and the file has {length} bytes";

    private static string NotDiffNative(string why) => $"{why}, so it is not a DiffNative library (or is one older than these bindings)";

    /// <summary>offset + count·size, or ulong.MaxValue when that overflows.</summary>
    private static ulong End(ulong offset, ulong count, ulong size)
    {
        var bytes = count == 0 ? 0 : (size > ulong.MaxValue / count ? ulong.MaxValue : count * size);
        return bytes > ulong.MaxValue - offset ? ulong.MaxValue : offset + bytes;
    }

    private static ushort U16(byte[] b, int at) => BitConverter.IsLittleEndian
        ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));

    private static uint U32(byte[] b, int at) => BitConverter.IsLittleEndian
        ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));

    /// <summary>An address, offset or size: 8 bytes in ELF64, 4 in ELF32.</summary>
    private ulong Word(byte[] b, int at) => !wide ? U32(b, at) : BitConverter.IsLittleEndian
        ? BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(at));

    private static string TypeName(int type) => type switch
    {
        1 => "relocatable object (type 1)",
        2 => "executable (type 2)",
        4 => "core dump (type 4)",
        _ => $"file of type {type}",
    };

    private static ushort? ExpectedMachine() => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 62,
        Architecture.X86 => 3,
        Architecture.Arm64 => 183,
        Architecture.Arm => 40,
        Architecture.RiscV64 => 243,
        Architecture.LoongArch64 => 258,
        Architecture.Ppc64le => 21,
        Architecture.S390x => 22,
        _ => null,
    };

    private static string MachineName(int machine) => machine switch
    {
        3 => "x86 (ELF machine 3)",
        21 => "PowerPC 64 (ELF machine 21)",
        22 => "IBM Z (ELF machine 22)",
        40 => "ARM (ELF machine 40)",
        62 => "x86-64 (ELF machine 62)",
        183 => "AArch64 (ELF machine 183)",
        243 => "RISC-V (ELF machine 243)",
        258 => "LoongArch (ELF machine 258)",
        _ => $"ELF machine {machine}",
    };
}
