namespace DiffNative.Interop;

/// <summary>Status codes of the C API; values mirror <c>dn_status</c> in diffnative.h.</summary>
internal enum DnStatus
{
    Ok = 0,
    NullPointer = 1,
    Length = 2,
    SizeOverflow = 3,
    InvalidStep = 4,
    Overlap = 5,
    UnknownIsa = 6,
    IsaUnsupported = 7,
    IsaNotCompiled = 8,
    BufferTooSmall = 9,
    InvalidArgument = 10,
}
