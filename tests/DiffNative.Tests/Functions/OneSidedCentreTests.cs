using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>A one-sided stencil's offset 0 is x for every coordinate, so a forward or backward
/// gradient or Jacobian evaluates f(x) once: n·(points − 1) + 1 calls (n + 1 at accuracy 1, as
/// SciPy's 2-point approx_derivative), on every backend and evaluation mode, with each entry still
/// Σⱼ wⱼ(fⱼ − f₀)/h, the stencil's weighted differences summed in offset order.</summary>
public class OneSidedCentreTests
{
    private static readonly int[] Sizes = [1, 2, 3, 7, 33];

    public static IEnumerable<object[]> Cases() =>
        from b in Backends.All()
        from scheme in new[] { DifferenceScheme.Forward, DifferenceScheme.Backward }
        select new object[] { b[0], scheme };

    private static double Wavy(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++) sum += Math.Sin(x[i] * (i + 1)) * Math.Exp(0.1 * x[(i + 1) % x.Length]);
        return sum;
    }

    private const int Outputs = 3;

    private static void VectorWavy(ReadOnlySpan<double> x, Span<double> y)
    {
        y[0] = Wavy(x);
        y[1] = x[0] * x[^1];
        y[2] = Math.Exp(0.01 * x.Length * x[x.Length / 2]);
    }

    /// <summary>The first <paramref name="m"/> outputs of <see cref="VectorWavy"/>.</summary>
    private static void FirstOutputs(int m, ReadOnlySpan<double> x, Span<double> y)
    {
        Span<double> all = stackalloc double[Outputs];
        VectorWavy(x, all);
        all[..m].CopyTo(y);
    }

    // No coordinate is 0, so x + 0·h is x itself, bit for bit.
    private static double[] Point(int n) => Enumerable.Range(0, n).Select(i => 0.3 * i - 1.7 + (i % 3) * 1e-3).ToArray();

    private static double[] Steps(int n) => Enumerable.Range(0, n).Select(i => 1e-3 / (i + 1)).ToArray();

    /// <summary>The calls a gradient should make: f(x) once and every other point per coordinate.</summary>
    private static int Expected(DifferenceScheme scheme, int accuracy, int n) =>
        n * (DiffNative.Stencils.Get(scheme, 1, accuracy).Evaluations - 1) + 1;

    /// <summary>Entry (k, i): Σⱼ wⱼ(fₖ(x + oⱼhᵢeᵢ) − fₖ(x))/hᵢ from the stencil's table, hᵢ the user's step
    /// made exact ((x + h) − x), the differences summed in offset order as every backend does.</summary>
    private static double[] Reference(VectorFunction f, int m, double[] x, double[] given, DifferenceScheme scheme, int accuracy)
    {
        var stencil = DiffNative.Stencils.Get(scheme, 1, accuracy);
        var (offsets, weights) = (stencil.Offsets.ToArray(), stencil.Weights.ToArray());
        var n = x.Length;
        var centre = new double[m];
        f(x, centre);
        var values = new double[m];
        var jacobian = new double[m * n];
        for (var i = 0; i < n; i++)
        {
            var exact = (x[i] + given[i]) - x[i];
            var h = exact > 0 ? exact : given[i];
            var sums = new double[m];
            for (var j = 0; j < offsets.Length; j++)
            {
                if (weights[j] == 0) continue;
                var point = (double[])x.Clone();
                point[i] = x[i] + offsets[j] * h;
                f(point, values);
                for (var k = 0; k < m; k++) sums[k] += weights[j] * (offsets[j] == 0 ? 0.0 : values[k] - centre[k]);
            }
            for (var k = 0; k < m; k++) jacobian[k * n + i] = sums[k] / h;
        }
        return jacobian;
    }

    private static double[] GradientReference(double[] x, double[] given, DifferenceScheme scheme, int accuracy) =>
        Reference((p, y) => y[0] = Wavy(p), 1, x, given, scheme, accuracy);

    /// <summary>The gradient's evaluation modes: the one-loop path of a plain delegate, the pooled
    /// sequential path (far bounds make an axis group), parallel, and batches through the points kernel.</summary>
    private static IEnumerable<(string Mode, Func<double[], double[], DifferentiationOptions, (int Calls, DifferentiationInfo Info)> Run)> GradientModes()
    {
        yield return ("one loop", (x, g, o) =>
        {
            var calls = 0;
            var info = Differentiate.Gradient(p => { calls++; return Wavy(p); }, x, g, o);
            return (calls, info);
        });
        yield return ("bounded", (x, g, o) =>
        {
            var calls = 0;
            var bounded = o with { LowerBounds = x.Select(_ => -1e6).ToArray(), UpperBounds = x.Select(_ => 1e6).ToArray() };
            var info = Differentiate.Gradient(p => { calls++; return Wavy(p); }, x, g, bounded);
            return (calls, info);
        });
        yield return ("parallel", (x, g, o) =>
        {
            var calls = 0;
            var info = Differentiate.Gradient(p => { Interlocked.Increment(ref calls); return Wavy(p); }, x, g, o with { Parallel = true });
            return (calls, info);
        });
        yield return ("batch", (x, g, o) =>
        {
            var calls = 0;
            BatchScalarFunction batch = (points, n, values) =>
            {
                for (var r = 0; r < values.Length; r++, calls++) values[r] = Wavy(points.Slice(r * n, n));
            };
            var info = Differentiate.Gradient(batch, x, g, o with { BatchSize = 5 });
            return (calls, info);
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_sided_gradients_evaluate_f_of_x_once(Backend backend, DifferenceScheme scheme)
    {
        for (var accuracy = 1; accuracy <= 6; accuracy++)
            foreach (var n in Sizes)
            {
                var x = Point(n);
                var given = Steps(n);
                var expected = GradientReference(x, given, scheme, accuracy);
                var options = new DifferentiationOptions { Backend = backend, Scheme = scheme, Accuracy = accuracy };
                foreach (var (mode, run) in GradientModes())
                {
                    var context = $"{mode} {scheme} accuracy {accuracy} n={n} {backend}";
                    var gradient = new double[n];
                    var (calls, info) = run(x, gradient, options with { Steps = given });
                    Assert.True(Expected(scheme, accuracy, n) == calls, $"{context}: {calls} calls");
                    Assert.True(calls == info.Evaluations, $"{context}: {info.Evaluations} evaluations reported, {calls} calls");
                    Bits.AssertIdentical(expected, gradient, context);
                    // The step rule's own steps cost the same.
                    (calls, info) = run(x, gradient, options);
                    Assert.True(Expected(scheme, accuracy, n) == calls, $"{context}, rule's steps: {calls} calls");
                    Assert.True(calls == info.Evaluations, $"{context}, rule's steps: {info.Evaluations} evaluations reported, {calls} calls");
                }
            }
    }

    private static IEnumerable<(string Mode, Func<int, double[], double[], DifferentiationOptions, (int Calls, DifferentiationInfo Info)> Run)> JacobianModes()
    {
        yield return ("sequential", (m, x, j, o) =>
        {
            var calls = 0;
            var info = Differentiate.Jacobian((p, y) => { calls++; FirstOutputs(m, p, y); }, m, x, j, o);
            return (calls, info);
        });
        yield return ("parallel", (m, x, j, o) =>
        {
            var calls = 0;
            var info = Differentiate.Jacobian((p, y) => { Interlocked.Increment(ref calls); FirstOutputs(m, p, y); }, m, x, j, o with { Parallel = true });
            return (calls, info);
        });
        yield return ("batch", (m, x, j, o) =>
        {
            var calls = 0;
            BatchVectorFunction batch = (points, n, values) =>
            {
                for (var r = 0; r < values.Length / m; r++, calls++)
                    FirstOutputs(m, points.Slice(r * n, n), values.Slice(r * m, m));
            };
            var info = Differentiate.Jacobian(batch, m, x, j, o with { BatchSize = 5 });
            return (calls, info);
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_sided_jacobians_evaluate_f_of_x_once(Backend backend, DifferenceScheme scheme)
    {
        for (var accuracy = 1; accuracy <= 6; accuracy++)
            foreach (var n in Sizes)
                foreach (var m in new[] { 1, Outputs })
                {
                    var x = Point(n);
                    var given = Steps(n);
                    var expected = Reference((p, y) => FirstOutputs(m, p, y), m, x, given, scheme, accuracy);
                    var options = new DifferentiationOptions { Backend = backend, Scheme = scheme, Accuracy = accuracy };
                    foreach (var (mode, run) in JacobianModes())
                    {
                        var context = $"{mode} {scheme} accuracy {accuracy} n={n} m={m} {backend}";
                        var jacobian = new double[m * n];
                        var (calls, info) = run(m, x, jacobian, options with { Steps = given });
                        Assert.True(Expected(scheme, accuracy, n) == calls, $"{context}: {calls} calls");
                        Assert.True(calls == info.Evaluations, $"{context}: {info.Evaluations} evaluations reported, {calls} calls");
                        Bits.AssertIdentical(expected, jacobian, context);
                    }
                }
    }
}
