using System.Runtime.Intrinsics.X86;
using System.Text;

namespace DiffNative.Cli.Charts;

/// <summary>The processor's name as it gives it (CPUID's brand string), for a chart's title.</summary>
internal static class CpuName
{
    internal static string Get()
    {
        if (!X86Base.IsSupported) return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        if ((uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax < 0x80000004) return "x86-64 CPU";
        var brand = new StringBuilder();
        for (var leaf = 0x80000002u; leaf <= 0x80000004u; leaf++)
        {
            var (a, b, c, d) = X86Base.CpuId(unchecked((int)leaf), 0);
            foreach (var register in new[] { a, b, c, d })
                for (var shift = 0; shift < 32; shift += 8)
                    brand.Append((char)((register >> shift) & 0xFF));
        }
        // The string is NUL-padded, and some vendors pad it with spaces too.
        return string.Join(' ', brand.ToString().TrimEnd('\0').Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
