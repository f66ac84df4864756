using System.Runtime.Intrinsics.X86;

namespace DiffNative.Tests.Runtime;

[Collection(GlobalStateCollection.Name)]
public class RuntimeInfoTests
{
    [Fact]
    public void The_forced_isa_is_the_active_one()
    {
        var forced = Environment.GetEnvironmentVariable("DIFFNATIVE_ISA");
        var expected = string.IsNullOrEmpty(forced)
            ? DiffNativeRuntime.AvailableIsas.Max()
            : IsaNames.Parse(forced);
        Assert.Equal(expected, DiffNativeRuntime.ActiveIsa);
    }

    [Fact]
    public void Available_isas_agree_with_the_runtimes_own_cpu_detection()
    {
        // .NET's hardware intrinsics detection is independent of our CPUID/XGETBV code.
        var available = DiffNativeRuntime.AvailableIsas;
        var compiled = DiffNativeRuntime.CompiledIsas;
        Assert.Contains(Isa.Scalar, available);
        if (compiled.Contains(Isa.Avx2))
            Assert.Equal(Avx2.IsSupported && Fma.IsSupported, available.Contains(Isa.Avx2));
        if (compiled.Contains(Isa.Avx512))
            Assert.Equal(Avx512F.IsSupported, available.Contains(Isa.Avx512));
        var cpu = DiffNativeRuntime.Cpu;
        Assert.Equal(Avx2.IsSupported, cpu.Avx2 && cpu.OsSavesAvx);
        Assert.Equal(Fma.IsSupported, cpu.Fma && cpu.OsSavesAvx);
        Assert.True(cpu.Sse2);
    }

    [Fact]
    public void The_scalar_isa_uses_fma_instructions_exactly_where_dotnet_sees_fma()
    {
        // Every x64 build has the scalar path's -mfma build; .NET's own detection decides whether it runs.
        if (System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture != System.Runtime.InteropServices.Architecture.X64)
            return;
        Assert.Equal(Fma.IsSupported, DiffNativeRuntime.ScalarUsesHardwareFma);
        Assert.Equal(DiffNativeRuntime.ScalarUsesHardwareFma, DiffNativeRuntime.Describe().ScalarUsesHardwareFma);
    }

    [Fact]
    public void Every_x86_build_compiles_all_three_paths()
    {
        if (!System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.Equals(System.Runtime.InteropServices.Architecture.X64))
            return;
        Assert.Equal([Isa.Scalar, Isa.Avx2, Isa.Avx512], DiffNativeRuntime.CompiledIsas);
    }

    [Fact]
    public void Describe_reports_the_loaded_library_and_its_version()
    {
        var info = DiffNativeRuntime.Describe();
        Assert.True(File.Exists(info.NativeLibraryPath), info.NativeLibraryPath);
        Assert.EndsWith("libdiffnative.so", info.NativeLibraryPath);
        // CMake's project version and the assembly version are set in two places; they must agree.
        Assert.Equal(typeof(DiffNativeRuntime).Assembly.GetName().Version!.ToString(3), info.Version);
        Assert.Contains(info.ActiveIsa, info.AvailableIsas);
    }

    [Fact]
    public void Switching_the_active_isa_takes_effect_and_unavailable_ones_are_refused()
    {
        var original = DiffNativeRuntime.ActiveIsa;
        try
        {
            foreach (var isa in IsaNames.All)
            {
                if (DiffNativeRuntime.AvailableIsas.Contains(isa))
                {
                    DiffNativeRuntime.SetActiveIsa(isa);
                    Assert.Equal(isa, DiffNativeRuntime.ActiveIsa);
                }
                else
                {
                    var before = DiffNativeRuntime.ActiveIsa;
                    var e = Assert.Throws<IsaNotAvailableException>(() => DiffNativeRuntime.SetActiveIsa(isa));
                    Assert.Contains(isa.ToName(), e.Message);
                    Assert.Equal(before, DiffNativeRuntime.ActiveIsa);
                }
            }
        }
        finally
        {
            DiffNativeRuntime.SetActiveIsa(original);
        }
    }

    [Fact]
    public void The_default_backend_is_native_and_can_be_changed()
    {
        Assert.Equal(Backend.Native, DiffNativeRuntime.DefaultBackend);
        try
        {
            foreach (var backend in new[] { Backend.Managed, Backend.NativeOn(Isa.Scalar), Backend.Native })
            {
                DiffNativeRuntime.DefaultBackend = backend;
                Assert.Equal(backend, DiffNativeRuntime.DefaultBackend);
                Assert.Equal([2.0, 4, 6], SampledDerivative.Gradient([1.0, 4, 9], 1.0));
            }
        }
        finally
        {
            DiffNativeRuntime.DefaultBackend = Backend.Native;
        }
    }

    [Fact]
    public void Isa_names_are_exact_and_lower_case()
    {
        Assert.Equal(["scalar", "avx2", "avx512"], IsaNames.All.Select(i => i.ToName()));
        Assert.Equal(Isa.Avx512, IsaNames.Parse("avx512"));
        Assert.False(IsaNames.TryParse("AVX2", out _));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => IsaNames.Parse("sse")).ParamName);
    }
}
