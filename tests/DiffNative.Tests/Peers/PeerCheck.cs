using System.Globalization;
using System.Text;

namespace DiffNative.Tests.Peers;

/// <summary>Collects every mismatch of a ported peer test before failing, so that one run reports
/// all wrong values (ours, the truth, the status) rather than the first. The comparisons are the
/// peers' own: numpy's assert_allclose, Julia's isapprox, Math.NET's AreEqual with a delta.</summary>
internal sealed class PeerCheck
{
    /// <summary>The default rtol of SciPy's xp_assert_close for float64: 4·√ε (scipy/_lib/_array_api.py).</summary>
    public const double ScipyDefaultRtol = 5.9604644775390625e-8;

    /// <summary>numpy.testing.assert_allclose's default rtol.</summary>
    public const double NumpyDefaultRtol = 1e-7;

    /// <summary>Julia's isapprox default rtol for Float64: √ε.</summary>
    public const double JuliaDefaultRtol = 1.4901161193847656e-8;

    private readonly StringBuilder failures = new();

    /// <summary>numpy/SciPy: |actual − expected| ≤ atol + rtol·|expected| (NaN never passes).</summary>
    public PeerCheck AllClose(string what, double actual, double expected, double rtol, double atol = 0)
    {
        var diff = Math.Abs(actual - expected);
        var allowed = atol + rtol * Math.Abs(expected);
        if (!(diff <= allowed) && actual != expected)
            Fail(what, actual, expected, diff, allowed);
        return this;
    }

    /// <summary>Element-wise <see cref="AllClose(string, double, double, double, double)"/>.</summary>
    public PeerCheck AllClose(string what, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double rtol, double atol = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            AllClose($"{what}[{i}]", actual[i], expected[i], rtol, atol);
        return this;
    }

    /// <summary>Julia: |a − e| ≤ max(atol, rtol·max(|a|, |e|)).</summary>
    public PeerCheck IsApprox(string what, double actual, double expected, double rtol = JuliaDefaultRtol, double atol = 0)
    {
        var diff = Math.Abs(actual - expected);
        var allowed = Math.Max(atol, rtol * Math.Max(Math.Abs(actual), Math.Abs(expected)));
        if (!(diff <= allowed) && actual != expected)
            Fail(what, actual, expected, diff, allowed);
        return this;
    }

    /// <summary>Julia's isapprox on arrays: ‖a − e‖₂ ≤ max(atol, rtol·max(‖a‖₂, ‖e‖₂)).</summary>
    public PeerCheck IsApprox(string what, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double rtol = JuliaDefaultRtol, double atol = 0)
    {
        Assert.Equal(expected.Length, actual.Length);
        double d = 0, na = 0, ne = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            d += (actual[i] - expected[i]) * (actual[i] - expected[i]);
            na += actual[i] * actual[i];
            ne += expected[i] * expected[i];
        }
        var allowed = Math.Max(atol, rtol * Math.Sqrt(Math.Max(na, ne)));
        if (!(Math.Sqrt(d) <= allowed))
            failures.AppendLine(CultureInfo.InvariantCulture,
                $"{what}: got [{string.Join(", ", actual.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}], want [{string.Join(", ", expected.ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}] (norm of diff {Math.Sqrt(d):G3} > allowed {allowed:G3})");
        return this;
    }

    /// <summary>Math.NET's Assert.AreEqual(expected, actual, delta) and FiniteDiff.jl's
    /// err_func(a, b) &lt; tol: an absolute bound (delta 0 asks for equality).</summary>
    public PeerCheck Within(string what, double actual, double expected, double delta, bool strict = false)
    {
        var diff = Math.Abs(actual - expected);
        var ok = actual == expected || (strict ? diff < delta : diff <= delta);
        if (!ok) Fail(what, actual, expected, diff, delta);
        return this;
    }

    /// <summary>Element-wise <see cref="Within"/>.</summary>
    public PeerCheck Within(string what, ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, double delta, bool strict = false)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < actual.Length; i++)
            Within($"{what}[{i}]", actual[i], expected[i], delta, strict);
        return this;
    }

    /// <summary>The peer's answer passes its tolerance, so ours must say Ok.</summary>
    public PeerCheck Ok(string what, DerivativeStatus status)
    {
        if (status != DerivativeStatus.Ok)
            failures.AppendLine(CultureInfo.InvariantCulture, $"{what}: status {status}, want Ok");
        return this;
    }

    /// <summary>A scalar result: value within numpy's tolerance and status Ok.</summary>
    public PeerCheck Result(string what, DerivativeResult r, double expected, double rtol, double atol = 0) =>
        AllClose(what, r.Value, expected, rtol, atol).Ok(what, r.Status);

    /// <summary>Fails with every mismatch seen.</summary>
    public void Verify()
    {
        if (failures.Length > 0)
            Assert.Fail(failures.ToString());
    }

    private void Fail(string what, double actual, double expected, double diff, double allowed) =>
        failures.AppendLine(CultureInfo.InvariantCulture,
            $"{what}: got {actual:R}, want {expected:R} (|diff| {diff:G3} > allowed {allowed:G3})");
}
