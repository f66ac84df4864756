using System.Runtime.InteropServices;

namespace DiffNative.Tests.Support;

/// <summary>Native memory whose last byte abuts an inaccessible page (mmap + mprotect), as
/// TensorPrimitives' BoundedMemory does: a kernel that reads or writes one element past the end
/// faults at once instead of silently corrupting memory.</summary>
public sealed unsafe partial class GuardedBuffer : IDisposable
{
    private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, MapPrivate = 2, MapAnonymous = 0x20;
    private readonly nint mapping;
    private readonly nuint mappingSize;

    private readonly byte* end;

    /// <summary>length doubles (or elements of elementSize bytes, read through <see cref="FloatSpan"/>).</summary>
    public GuardedBuffer(int length, int elementSize = sizeof(double))
    {
        Length = length;
        var page = (nuint)Environment.SystemPageSize;
        var dataPages = ((nuint)length * (nuint)elementSize + page - 1) / page + 1;
        mappingSize = (dataPages + 1) * page;
        mapping = mmap(0, mappingSize, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (mapping == -1) throw new InvalidOperationException("mmap failed");
        if (mprotect(mapping + (nint)(dataPages * page), page, ProtNone) != 0) throw new InvalidOperationException("mprotect failed");
        end = (byte*)(mapping + (nint)(dataPages * page));
    }

    /// <summary>A buffer of floats whose last one abuts the inaccessible page.</summary>
    public static GuardedBuffer OfFloats(int length) => new(length, sizeof(float));

    public int Length { get; }

    public double* Pointer => (double*)end - Length;

    public Span<double> Span => new(Pointer, Length);

    public Span<float> FloatSpan => new((float*)end - Length, Length);

    public void Dispose() => munmap(mapping, mappingSize);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint address, nuint length);
}
