using DiffNative.MachineLearning;

namespace DiffNative;

/// <summary>One native kernel on one ISA against the managed reference.</summary>
/// <param name="Kernel">The kernel's name (the C function it exercises).</param>
/// <param name="Isa">The native path.</param>
/// <param name="Cases">Random cases run.</param>
/// <param name="MaxUlp">The largest difference in units in the last place over every output.</param>
/// <param name="BitIdentical">Whether every output had the reference's exact bits.</param>
/// <param name="BoundUlp">The kernel's stated bound; a result above it fails.</param>
public sealed record KernelCheckResult(string Kernel, Isa Isa, int Cases, long MaxUlp, bool BitIdentical, long BoundUlp)
{
    /// <summary>Within the stated bound.</summary>
    public bool Passed => MaxUlp <= BoundUlp;
}

/// <summary>Cross-checks every native kernel on every available ISA against the managed reference
/// on random inputs: lengths that hit every vector tail, values across the double range, and
/// special values (±0, subnormals, NaN, ±∞). Users run it on their own hardware.</summary>
public static class KernelChecks
{
    /// <summary>The names of the kernels checked, in order.</summary>
    public static IReadOnlyList<string> Kernels => Cases.Select(c => c.Name).ToArray();

    /// <summary>Runs every kernel on each ISA in <paramref name="isas"/> (default: every available
    /// one). <paramref name="progress"/> receives the number of (kernel, ISA) pairs done.</summary>
    public static IReadOnlyList<KernelCheckResult> Run(int seed, IEnumerable<Isa>? isas = null, IProgress<int>? progress = null)
    {
        var targets = (isas ?? DiffNativeRuntime.AvailableIsas).ToArray();
        var results = new List<KernelCheckResult>();
        foreach (var kernel in Cases)
            foreach (var isa in targets)
            {
                var random = new Random(HashCode.Combine(seed, kernel.Name, (int)isa));
                long maxUlp = 0;
                var identical = true;
                var cases = 0;
                foreach (var length in Lengths)
                {
                    var input = Inputs.Create(random, length);
                    var expected = kernel.Run(Backend.Managed, input, random.Next());
                    var actual = kernel.Run(Backend.NativeOn(isa), input, -1);
                    for (var i = 0; i < expected.Length; i++)
                    {
                        var ulp = kernel.Float ? FloatUlpDistance((float)expected[i], (float)actual[i]) : UlpDistance(expected[i], actual[i]);
                        if (ulp != 0) identical = false;
                        maxUlp = Math.Max(maxUlp, ulp);
                    }
                    cases++;
                }
                results.Add(new KernelCheckResult(kernel.Name, isa, cases, maxUlp, identical, kernel.BoundUlp));
                progress?.Report(results.Count);
            }
        return results;
    }

    /// <summary>How many (kernel, ISA) pairs <see cref="Run"/> will check.</summary>
    public static int Count(IEnumerable<Isa>? isas = null) => Cases.Length * (isas ?? DiffNativeRuntime.AvailableIsas).Count();

    private static readonly int[] Lengths = [.. Enumerable.Range(0, 71), 127, 1000, 4099];

    /// <summary>Units in the last place between two doubles; NaN equals NaN, anything else against
    /// NaN is maximal.</summary>
    internal static long UlpDistance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return double.IsNaN(a) && double.IsNaN(b) ? 0 : long.MaxValue;
        if (a == b) return BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b) ? 0 : 1; // ±0
        static long Ordered(double v)
        {
            var bits = BitConverter.DoubleToInt64Bits(v);
            return bits < 0 ? long.MinValue - bits : bits;
        }
        var d = Ordered(a) - Ordered(b);
        return d == long.MinValue ? long.MaxValue : Math.Abs(d);
    }

    /// <summary>Units in the last place between two floats, with the conventions of <see cref="UlpDistance"/>.</summary>
    internal static long FloatUlpDistance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return float.IsNaN(a) && float.IsNaN(b) ? 0 : long.MaxValue;
        if (a == b) return BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b) ? 0 : 1; // ±0
        static long Ordered(float v)
        {
            long bits = BitConverter.SingleToInt32Bits(v);
            return bits < 0 ? int.MinValue - bits : bits;
        }
        return Math.Abs(Ordered(a) - Ordered(b));
    }

    // A float kernel's outputs come back widened to double (exactly), and are compared in float ulps.
    private sealed record KernelCase(string Name, long BoundUlp, Func<Backend, double[], int, double[]> Run, bool Float = false);

    private static readonly Activation[] FloatActivations =
    [
        Activation.Relu, Activation.LeakyRelu(0.1), Activation.Elu(), Activation.Selu, Activation.Sigmoid,
        Activation.Tanh, Activation.Softplus, Activation.Silu, Activation.GeluTanh,
    ];

    // Each case turns one random input vector into outputs on a backend; the seed (when not −1)
    // lets a case draw its own parameters, which the native run then repeats.
    private static readonly KernelCase[] Cases =
    [
        new("dn_sampled_gradient", 0, (b, y, _) => Guard(y.Length is 1 or 2, () =>
        {
            var d = new double[y.Length];
            SampledDerivative.Gradient(y, 0.37, d, b);
            return d;
        })),
        new("dn_numpy_gradient", 0, (b, y, _) => Guard(y.Length < 2, () =>
        {
            var d = new double[y.Length];
            SampledDerivative.NumpyGradient(y, 0.37, d, 1, b);
            return d;
        })),
        new("dn_grid_derivative", 0, (b, y, _) =>
        {
            var outputs = new List<double>();
            foreach (var (order, accuracy) in new[] { (1, 2), (2, 4), (3, 6), (4, 8) })
            {
                if (y.Length < Math.Max(2 * ((order + 1) / 2) - 1 + accuracy, order + accuracy)) continue;
                var d = new double[y.Length];
                SampledDerivative.Derivative(Inputs.Finite(y), 0.25, d, order, accuracy, b);
                outputs.AddRange(d);
            }
            return outputs.ToArray();
        }),
        new("dn_grid_laplacian", 0, (b, y, _) =>
        {
            var rows = y.Length / 9;
            if (rows < 4) return []; // accuracy 2 second derivatives need 4 samples per axis
            var d = new double[rows * 9];
            SampledDerivative.Laplacian(Inputs.Finite(y).AsSpan(0, rows * 9), [rows, 9], [0.5, 0.25], d, 2, b);
            return d;
        }),
        new("dn_finite_difference_weights", 0, (b, y, _) =>
        {
            var n = Math.Clamp(y.Length, 2, 16);
            var offsets = Enumerable.Range(0, n).Select(i => i - n / 2 + 0.125 * (i % 3)).ToArray();
            return FiniteDifferenceWeights.Compute(Math.Min(4, n - 1), offsets, 0.1, b);
        }),
        new("dn_fd_combine", 0, (b, y, _) => Guard(y.Length == 0, () =>
            Differentiate.Gradient(Inputs.Polynomial, Inputs.Point(y), new DifferentiationOptions { Backend = b, Accuracy = 4 }).Values)),
        new("dn_assemble_hessian", 0, (b, y, _) => Guard(y.Length == 0 || y.Length > 24, () =>
            Differentiate.Hessian(Inputs.Polynomial, Inputs.Point(y), new DifferentiationOptions { Backend = b }).Values)),
        new("dn_richardson_level", 0, (b, y, _) => Guard(y.Length == 0 || y.Length > 12, () =>
            Differentiate.Gradient(Inputs.Polynomial, Inputs.Point(y), new DifferentiationOptions { Backend = b, Adaptive = true }).Values)),
        new("dn_activate", 0, (b, y, _) =>
        {
            var outputs = new List<double>();
            foreach (var activation in new[] { Activation.Relu, Activation.LeakyRelu(0.1), Activation.Elu(), Activation.Selu, Activation.Sigmoid,
                         Activation.Tanh, Activation.Softplus, Activation.Silu, Activation.GeluTanh, Activation.Gelu })
            {
                double[] value = new double[y.Length], derivative = new double[y.Length];
                activation.ApplyWithDerivative(y, value, derivative, b);
                outputs.AddRange(value);
                outputs.AddRange(derivative);
            }
            return outputs.ToArray();
        }),
        new("dn_softmax", 0, (b, y, _) =>
        {
            double[] soft = new double[y.Length], log = new double[y.Length];
            Softmax.Apply(y, soft, backend: b);
            Softmax.ApplyLog(y, log, backend: b);
            return [.. soft, .. log];
        }),
        new("dn_softmax_backward", 0, (b, y, _) =>
        {
            var x = Inputs.Finite(y);
            double[] soft = new double[x.Length], gradient = new double[x.Length];
            Softmax.Apply(x, soft, backend: Backend.Managed);
            Softmax.Backward(soft, x, gradient, backend: b);
            return gradient;
        }),
        new("dn_activate_f32", 0, (b, y, _) =>
        {
            var x = Inputs.Floats(y);
            var outputs = new List<float>();
            foreach (var activation in FloatActivations)
            {
                float[] value = new float[x.Length], derivative = new float[x.Length];
                activation.ApplyWithDerivative(x, value, derivative, b);
                outputs.AddRange(value);
                outputs.AddRange(derivative);
            }
            return Inputs.Widen(outputs);
        }, Float: true),
        new("dn_activate_backward_f32", 0, (b, y, _) =>
        {
            var x = Inputs.Floats(y);
            var upstream = x.Select((v, i) => float.IsFinite(v) ? 0.5f - v : i).ToArray();
            var outputs = new List<float>();
            foreach (var activation in FloatActivations)
            {
                var gradient = new float[x.Length];
                activation.Backward(x, upstream, gradient, b);
                outputs.AddRange(gradient);
            }
            return Inputs.Widen(outputs);
        }, Float: true),
        new("dn_softmax_f32", 0, (b, y, _) =>
        {
            var x = Inputs.Floats(y);
            float[] soft = new float[x.Length], log = new float[x.Length];
            Softmax.Apply(x, soft, backend: b);
            Softmax.ApplyLog(x, log, backend: b);
            return Inputs.Widen([.. soft, .. log]);
        }, Float: true),
        new("dn_softmax_backward_f32", 0, (b, y, _) =>
        {
            var x = Inputs.Floats(Inputs.Finite(y));
            float[] soft = new float[x.Length], gradient = new float[x.Length];
            Softmax.Apply(x, soft, backend: Backend.Managed);
            Softmax.Backward(soft, x, gradient, backend: b);
            return Inputs.Widen(gradient);
        }, Float: true),
        new("dn_sparse_combine", 0, (b, y, _) => Guard(y.Length < 2 || y.Length > 40, () =>
        {
            // A tridiagonal Jacobian of the input's length: 3 colours whatever the length.
            var n = y.Length;
            var entries = Enumerable.Range(0, n).SelectMany(i => new[] { (i, i - 1), (i, i), (i, i + 1) }).Where(e => e.Item2 >= 0 && e.Item2 < n);
            var pattern = SparsityPattern.FromEntries(n, n, entries);
            VectorFunction f = (p, r) =>
            {
                for (var i = 0; i < n; i++) r[i] = Math.Sin(p[i]) * (i > 0 ? p[i - 1] : 1) + (i + 1 < n ? p[i + 1] * p[i + 1] : 0);
            };
            return Differentiate.SparseJacobian(f, pattern, Inputs.Point(y), new DifferentiationOptions { Backend = b }).Matrix.Values;
        })),
        new("dn_fd_points", 0, (b, y, _) => Guard(y.Length == 0, () =>
        {
            // Rows of the input shifted along its reverse (by 0, ±, tiny), with 0, 1, 2 and n
            // deltas (the input's own values, on coordinates spread over the point).
            var n = y.Length;
            var direction = y.Reverse().ToArray();
            double[] shifts = [0.0, 0.5, -0.25, 1e-3];
            int[] rowStarts = [0, 0, 1, 3, 3 + n];
            var indices = new[] { n - 1, 0, n / 2 }.Concat(Enumerable.Range(0, n)).ToArray();
            var deltas = indices.Select((i, k) => y[(i + k) % n]).ToArray();
            var points = new double[shifts.Length * n];
            DifferenceKernels.Points(b, y, direction, shifts, rowStarts, indices, deltas, points);
            return points;
        })),
    ];

    private static double[] Guard(bool skip, Func<double[]> run) => skip ? [] : run();

    /// <summary>Random inputs spread over magnitudes, with special values sprinkled in.</summary>
    private static class Inputs
    {
        private static readonly double[] Specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1e-310, double.MaxValue, -double.MaxValue,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1.0, -1.0];

        internal static double[] Create(Random random, int length)
        {
            var values = new double[length];
            for (var i = 0; i < length; i++)
                values[i] = random.Next(16) == 0
                    ? Specials[random.Next(Specials.Length)]
                    : (random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-40, 41));
            return values;
        }

        /// <summary>The input with non-finite values replaced (kernels whose inputs are data, not
        /// arguments, still get subnormals and huge values).</summary>
        internal static double[] Finite(double[] y) => y.Select(v => double.IsFinite(v) ? v : 1.5).ToArray();

        /// <summary>The input rounded to float: out-of-range values become ±∞ or zero, tiny ones
        /// float subnormals.</summary>
        internal static float[] Floats(double[] y) => y.Select(v => (float)v).ToArray();

        internal static double[] Widen(IEnumerable<float> values) => values.Select(v => (double)v).ToArray();

        /// <summary>A point for the function-differentiation kernels: finite and moderate.</summary>
        internal static double[] Point(double[] y) => y.Select(v => double.IsFinite(v) ? Math.Clamp(v, -1e3, 1e3) : 0.5).ToArray();

        /// <summary>A smooth test function of any dimension.</summary>
        internal static double Polynomial(ReadOnlySpan<double> x)
        {
            var sum = 0.0;
            for (var i = 0; i < x.Length; i++) sum += (i + 1) * x[i] * x[i] * 1e-3 + Math.Sin(x[i]) * x[(i + 1) % x.Length] * 1e-3;
            return sum;
        }
    }
}
