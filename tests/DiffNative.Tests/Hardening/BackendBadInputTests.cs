using DiffNative.Tests.Runtime;

namespace DiffNative.Tests.Hardening;

/// <summary>A backend is refused, not quietly run on another path: undefined kinds and ISAs when
/// it is built (constructor, <see cref="Backend.NativeOn"/>, <c>with</c>), a managed backend with
/// an ISA and a named ISA this machine cannot run when a call or the default backend uses it.
/// Global-state collection: some rows set the default backend.</summary>
[Collection(GlobalStateCollection.Name)]
public class BackendBadInputTests
{
    public static TheoryData<int> UndefinedIsas() => new() { 0, -1, 4, 99, int.MaxValue };

    [Theory]
    [MemberData(nameof(UndefinedIsas))]
    public void NativeOn_refuses_a_value_that_is_not_an_isa(int value)
    {
        // (Isa)0 used to run on the active ISA (0 is the C API's "active"), others on no check at all.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Backend.NativeOn((Isa)value));
        Assert.Equal("isa", e.ParamName);
    }

    [Theory]
    [MemberData(nameof(UndefinedIsas))]
    public void The_constructor_and_with_refuse_a_value_that_is_not_an_isa(int value)
    {
        Assert.Equal("Isa", Assert.Throws<ArgumentOutOfRangeException>(() => new Backend(BackendKind.Native, (Isa)value)).ParamName);
        Assert.Equal("Isa", Assert.Throws<ArgumentOutOfRangeException>(() => Backend.Native with { Isa = (Isa)value }).ParamName);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(-1)]
    public void The_constructor_and_with_refuse_a_value_that_is_not_a_backend_kind(int value)
    {
        // (BackendKind)7 used to be accepted and computed on the managed path.
        Assert.Equal("Kind", Assert.Throws<ArgumentOutOfRangeException>(() => new Backend((BackendKind)value, null)).ParamName);
        Assert.Equal("Kind", Assert.Throws<ArgumentOutOfRangeException>(() => Backend.Managed with { Kind = (BackendKind)value }).ParamName);
    }

    [Fact]
    public void The_constructor_refuses_a_managed_backend_with_an_isa()
    {
        var e = Assert.Throws<ArgumentException>(() => new Backend(BackendKind.Managed, Isa.Scalar));
        Assert.Equal("Isa", e.ParamName);
    }

    /// <summary>Calls through every kind of entry point: a kernel with ISA paths, kernels without
    /// (irregular grids, stencil weights), an activation and a Hessian of a function.</summary>
    public static TheoryData<string> Paths() => new() { "Gradient", "Derivative(x)", "FiniteDifferenceWeights", "Activation", "Differentiate.Hessian",
        "Differentiate.Gradient" };

    private static void Call(string path, Backend backend, double[] destination)
    {
        double[] samples = [1, 2, 4, 7, 11, 16], x = [0, 1, 2, 3, 5, 8];
        switch (path)
        {
            case "Gradient": SampledDerivative.Gradient(samples, 1.0, destination, backend); break;
            case "Derivative(x)": SampledDerivative.Derivative(samples, x, destination, 1, 2, backend); break;
            case "FiniteDifferenceWeights": FiniteDifferenceWeights.Compute(1, [-1.0, 0.0, 1.0], destination, 0, backend); break;
            case "Activation": new Activation(ActivationKind.Tanh).Apply(samples, destination, backend); break;
            case "Differentiate.Gradient": // the small fixed-step gradient runs in C# on both backends, and still checks its backend
                Differentiate.Gradient(v => v[0] * v[1], [1.0, 2.0], destination.AsSpan(0, 2), new DifferentiationOptions { Backend = backend });
                break;
            case "Differentiate.Hessian":
                Differentiate.Hessian(v => v[0] * v[1], [1.0, 2.0], destination.AsSpan(0, 4), new DifferentiationOptions { Backend = backend });
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_managed_backend_given_an_isa_through_with_is_refused_by_every_call(string path)
    {
        // with cannot check Kind against Isa (either may be set first), so the call does.
        var backend = Backend.Managed with { Isa = Isa.Scalar };
        var destination = Enumerable.Repeat(-7.0, 6).ToArray();
        var e = Assert.Throws<ArgumentException>(() => Call(path, backend, destination));
        Assert.Contains("managed backend runs no ISA", e.Message);
        Assert.All(destination, v => Assert.Equal(-7.0, v));
    }

    [Fact]
    public void The_default_backend_refuses_a_managed_backend_with_an_isa_and_stays()
    {
        var before = DiffNativeRuntime.DefaultBackend;
        var e = Assert.Throws<ArgumentException>(() => DiffNativeRuntime.DefaultBackend = Backend.Managed with { Isa = Isa.Avx2 });
        Assert.Equal("value", e.ParamName);
        Assert.Equal(before, DiffNativeRuntime.DefaultBackend);
    }

    [Fact]
    public void A_named_isa_the_machine_lacks_is_refused_naming_it_and_what_runs()
    {
        // This CPU may run every ISA, so the check is also given a machine with scalar and AVX2 only.
        const uint scalarAndAvx2 = (1u << (int)Isa.Scalar) | (1u << (int)Isa.Avx2);
        var e = Assert.Throws<IsaNotAvailableException>(() => BackendCheck.Runnable(Backend.NativeOn(Isa.Avx512), "backend", scalarAndAvx2));
        Assert.Contains("avx512", e.Message);
        Assert.Contains("available here: scalar, avx2.", e.Message);
        BackendCheck.Runnable(Backend.NativeOn(Isa.Avx2), "backend", scalarAndAvx2);
        BackendCheck.Runnable(Backend.Native, "backend", scalarAndAvx2);
        BackendCheck.Runnable(Backend.Managed, "backend", scalarAndAvx2);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void A_named_isa_this_machine_lacks_is_refused_by_every_call(string path)
    {
        var missing = Enum.GetValues<Isa>().Where(i => !DiffNativeRuntime.AvailableIsas.Contains(i)).ToArray();
        if (missing.Length == 0) return; // every ISA runs here: nothing to refuse
        var destination = Enumerable.Repeat(-7.0, 6).ToArray();
        // Irregular grids, weights and some activations have no ISA paths: they used to run anyway.
        Assert.Throws<IsaNotAvailableException>(() => Call(path, Backend.NativeOn(missing[0]), destination));
        Assert.All(destination, v => Assert.Equal(-7.0, v));
    }

    [Fact]
    public void The_default_backend_refuses_a_named_isa_this_machine_lacks_and_stays()
    {
        var missing = Enum.GetValues<Isa>().Where(i => !DiffNativeRuntime.AvailableIsas.Contains(i)).ToArray();
        if (missing.Length == 0) return; // every ISA runs here: nothing to refuse
        var before = DiffNativeRuntime.DefaultBackend;
        Assert.Throws<IsaNotAvailableException>(() => DiffNativeRuntime.DefaultBackend = Backend.NativeOn(missing[0]));
        Assert.Equal(before, DiffNativeRuntime.DefaultBackend);
    }
}
