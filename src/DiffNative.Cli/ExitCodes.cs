namespace DiffNative.Cli;

/// <summary>The exit codes every verb uses; scripts rely on them.</summary>
internal static class ExitCodes
{
    internal const int Success = 0;
    internal const int CheckFailed = 1;
    internal const int BadUsageOrInput = 2;
}
