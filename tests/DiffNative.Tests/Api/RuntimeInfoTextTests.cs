namespace DiffNative.Tests.Api;

/// <summary>RuntimeInfo prints its ISAs by the names DIFFNATIVE_ISA and the CLI use, not a list's type.</summary>
public class RuntimeInfoTextTests
{
    private static readonly CpuFeatures NoFeatures = new(true, false, false, false, false, false, false, false, false, false);

    [Fact]
    public void Every_isa_list_prints_its_names()
    {
        var info = new RuntimeInfo("1.2.3", "/lib/libdiffnative.so", Isa.Avx2, [Isa.Scalar, Isa.Avx2], [Isa.Scalar, Isa.Avx2, Isa.Avx512], NoFeatures);
        var text = info.ToString();
        Assert.Contains("ActiveIsa = avx2,", text);
        Assert.Contains("AvailableIsas = [scalar, avx2],", text);
        Assert.Contains("CompiledIsas = [scalar, avx2, avx512],", text);
        Assert.Contains("Version = 1.2.3,", text);
        Assert.Contains("NativeLibraryPath = /lib/libdiffnative.so,", text);
        Assert.Contains("Cpu = CpuFeatures { Sse2 = True,", text);
        Assert.Contains("ScalarUsesHardwareFma = False", text);
        Assert.DoesNotContain("Isa[]", text);
        Assert.StartsWith("RuntimeInfo { ", text);
    }

    [Fact]
    public void The_running_process_prints_each_available_isa()
    {
        var info = DiffNativeRuntime.Describe();
        var text = info.ToString();
        Assert.Contains($"AvailableIsas = [{string.Join(", ", info.AvailableIsas.Select(i => i.ToName()))}]", text);
        Assert.Contains("scalar", text);
        Assert.DoesNotContain("System.", text);
        Assert.DoesNotContain("DiffNative.Isa", text);
    }

    [Fact]
    public void An_undefined_isa_prints_its_number()
    {
        var info = new RuntimeInfo("1", "p", (Isa)9, [(Isa)9], [], NoFeatures);
        Assert.Contains("ActiveIsa = 9, AvailableIsas = [9], CompiledIsas = [],", info.ToString());
    }
}
