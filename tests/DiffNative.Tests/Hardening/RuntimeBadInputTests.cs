using DiffNative.Tests.Runtime;

namespace DiffNative.Tests.Hardening;

/// <summary>Bad input to the runtime, backends, diagnostics and special functions: an ISA that is
/// not one, or one this machine cannot run, gets an exception that says so and changes nothing;
/// special functions take any double. Global-state collection: a wrongly accepted default
/// backend would leak into other tests.</summary>
[Collection(GlobalStateCollection.Name)]
public class RuntimeBadInputTests
{
    private const Isa NotAnIsa = (Isa)99;

    [Fact]
    public void An_isa_this_machine_cannot_run_is_refused_naming_what_it_can()
    {
        var missing = Enum.GetValues<Isa>().Where(i => !DiffNativeRuntime.AvailableIsas.Contains(i)).ToArray();
        if (missing.Length == 0) return; // every ISA runs here: nothing to refuse
        var e = Assert.Throws<IsaNotAvailableException>(() => DiffNativeRuntime.SetActiveIsa(missing[0]));
        Assert.Contains(DiffNativeRuntime.AvailableIsas[0].ToName(), e.Message);
        Assert.NotEqual(missing[0], DiffNativeRuntime.ActiveIsa);
    }

    [Fact]
    public void Setting_an_undefined_isa_as_default_or_active_is_refused_and_changes_nothing()
    {
        var before = (DiffNativeRuntime.DefaultBackend, DiffNativeRuntime.ActiveIsa);
        Assert.ThrowsAny<ArgumentException>(() => DiffNativeRuntime.DefaultBackend = Backend.NativeOn(NotAnIsa));
        Assert.ThrowsAny<ArgumentException>(() => DiffNativeRuntime.SetActiveIsa(NotAnIsa));
        Assert.Equal(before, (DiffNativeRuntime.DefaultBackend, DiffNativeRuntime.ActiveIsa));
    }

    [Fact]
    public void Kernel_checks_on_an_undefined_isa_throw_instead_of_reporting_a_pass()
    {
        Assert.Equal("isa", Assert.Throws<ArgumentOutOfRangeException>(() => KernelChecks.Run(1, [NotAnIsa])).ParamName);
    }

    [Theory]
    [InlineData(double.NaN, double.NaN, double.NaN)]
    [InlineData(double.PositiveInfinity, 1.0, 0.0)]
    [InlineData(double.NegativeInfinity, -1.0, 2.0)]
    public void Special_functions_take_any_double(double x, double erf, double erfc)
    {
        // erf(±∞) = ±1, erfc = 1 − erf; NaN in, NaN out (A&S 7.1.1 limits).
        Assert.Equal(erf, SpecialFunctions.Erf(x));
        Assert.Equal(erfc, SpecialFunctions.Erfc(x));
        Assert.Equal(double.IsNaN(x) ? double.NaN : (1 + erf) / 2, SpecialFunctions.NormalCdf(x));
    }
}
