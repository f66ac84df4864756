using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions.Sparse;

/// <summary>A star-coloured Hessian reads each entry from one colour's gradient difference in a
/// row that colour reaches once, so gradient component i sees exactly the point a dense Jacobian of
/// the gradient evaluates for column j: every entry must equal that Jacobian's (i, j) or (j, i)
/// bit for bit, and the two triangles must agree exactly.</summary>
public class SparseHessianFromGradientTests
{
    /// <summary>f = Σ over the pattern's pairs i &lt; j of wᵢⱼ sin xᵢ cos xⱼ + Σ xᵢ⁴/12 + eˣⁱ/10,
    /// wᵢⱼ = 1 + 0.1(i + j): its gradient, whose component k reads only xₖ and its neighbours.</summary>
    internal static (VectorFunction Gradient, Func<double[], double[]> Hessian) Coupled(SparsityPattern pattern)
    {
        var n = pattern.Rows;
        var pairs = Enumerable.Range(0, n).SelectMany(i => pattern.Row(i).ToArray().Where(j => j > i).Select(j => (i, j))).ToArray();
        VectorFunction gradient = (x, g) =>
        {
            for (var k = 0; k < x.Length; k++) g[k] = x[k] * x[k] * x[k] / 3 + Math.Exp(x[k]) / 10;
            foreach (var (i, j) in pairs)
            {
                var w = 1 + 0.1 * (i + j);
                g[i] += w * Math.Cos(x[i]) * Math.Cos(x[j]);
                g[j] -= w * Math.Sin(x[i]) * Math.Sin(x[j]);
            }
        };
        double[] Hessian(double[] x)
        {
            var h = new double[n * n];
            for (var k = 0; k < n; k++) h[k * n + k] = x[k] * x[k] + Math.Exp(x[k]) / 10;
            foreach (var (i, j) in pairs)
            {
                var w = 1 + 0.1 * (i + j);
                h[i * n + i] -= w * Math.Sin(x[i]) * Math.Cos(x[j]);
                h[j * n + j] -= w * Math.Sin(x[i]) * Math.Cos(x[j]);
                h[i * n + j] = h[j * n + i] = -w * Math.Cos(x[i]) * Math.Sin(x[j]);
            }
            return h;
        }
        return (gradient, Hessian);
    }

    public static IEnumerable<object[]> Schemes()
    {
        foreach (var b in Backends.All())
        {
            yield return [b[0], DifferenceScheme.Central, 2];
            yield return [b[0], DifferenceScheme.Forward, 1];
            yield return [b[0], DifferenceScheme.Central, 4];
        }
    }

    [Theory]
    [MemberData(nameof(Schemes))]
    public void Random_symmetric_patterns_give_the_bits_of_the_dense_Jacobian_of_the_gradient(Backend backend, DifferenceScheme scheme, int accuracy)
    {
        var options = new DifferentiationOptions { Backend = backend, Scheme = scheme, Accuracy = accuracy };
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 2 + seed % 17;
            var coloring = HessianColoring.Compute(SparsePatterns.Random(n, n, 0.12, seed));
            var pattern = coloring.Pattern;
            var (gradient, _) = Coupled(pattern);
            var x = SparsePatterns.Point(n, seed);
            var dense = Differentiate.Jacobian(gradient, n, x, options).Values;
            var sparse = Differentiate.SparseHessianFromGradient(gradient, coloring, x, options);
            for (var i = 0; i < n; i++)
                foreach (var j in pattern.Row(i))
                {
                    var value = sparse.Matrix[i, j];
                    var bits = BitConverter.DoubleToInt64Bits(value);
                    Assert.True(bits == BitConverter.DoubleToInt64Bits(dense[i * n + j]) || bits == BitConverter.DoubleToInt64Bits(dense[j * n + i]),
                        $"seed {seed} ({i}, {j}): {value:R} is neither J[i,j] = {dense[i * n + j]:R} nor J[j,i] = {dense[j * n + i]:R}");
                    Bits.AssertIdentical(value, sparse.Matrix[j, i], $"seed {seed} symmetry ({i}, {j})");
                }
            // Central stencils of accuracy p have p non-centre points; a one-sided one shares x.
            Assert.Equal(scheme == DifferenceScheme.Central ? accuracy * coloring.Colors : 1 + coloring.Colors, sparse.Evaluations);
        }
    }

    [Fact]
    public void Random_symmetric_patterns_agree_with_the_symmetrised_dense_Jacobian_and_the_closed_form()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var n = 2 + seed % 17;
            var coloring = HessianColoring.Compute(SparsePatterns.Random(n, n, 0.12, seed));
            var (gradient, hessian) = Coupled(coloring.Pattern);
            var x = SparsePatterns.Point(n, seed);
            var dense = Differentiate.Jacobian(gradient, n, x).Values;
            var symmetrised = new double[n * n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                    symmetrised[i * n + j] = (dense[i * n + j] + dense[j * n + i]) / 2;
            var sparse = Differentiate.SparseHessianFromGradient(gradient, coloring, x).Matrix.ToDense();
            // Central differences of O(1) smooth terms with ∛ε steps: about 1e-10 off the truth.
            Assert.InRange(MghProblems.ScaledError(sparse, symmetrised), 0, 1e-8);
            Assert.InRange(MghProblems.ScaledError(sparse, hessian(x)), 0, 1e-8);
        }
    }

    private const int RosenbrockN = 100;

    /// <summary>The closed-form gradient of MGH's extended Rosenbrock (2×2 diagonal blocks).</summary>
    private static void ExtendedRosenbrockGradient(ReadOnlySpan<double> x, Span<double> g)
    {
        for (var i = 0; i + 1 < x.Length; i += 2)
        {
            var u = x[i + 1] - x[i] * x[i];
            g[i] = -400 * x[i] * u - 2 * (1 - x[i]);
            g[i + 1] = 200 * u;
        }
    }

    [Fact]
    public void Extended_Rosenbrock_of_100_from_its_gradient_takes_at_most_6_gradients_and_matches_the_closed_form()
    {
        var x = MghProblems.StandardStart(RosenbrockN);
        var pattern = SparsityPattern.FromEntries(RosenbrockN, RosenbrockN, Enumerable.Range(0, RosenbrockN / 2).Select(k => (2 * k, 2 * k + 1)));
        var result = Differentiate.SparseHessianFromGradient(ExtendedRosenbrockGradient, pattern, x);
        Assert.Equal(2, result.Colors); // disjoint 2×2 blocks: no path on four vertices at all
        Assert.InRange(result.Evaluations, 1, 6);
        // Error bound: central differences with h = ∛ε·1.2 ≈ 7.3e-6 leave h²/6·|∂³g| = 400h² ≈ 2e-8
        // of truncation (g is cubic in x₂ᵢ₋₁) plus about ε·|terms of g| (≈ 200)/h ≈ 1e-8 of rounding,
        // against max |H| ≈ 1330: about 3e-11 relative. 1e-9 leaves a factor of 30.
        var error = MghProblems.ScaledError(result.Matrix.ToDense(), MghProblems.ExtendedRosenbrockHessian(x));
        Assert.InRange(error, 0, 1e-9);
    }

    [Fact]
    public void Chained_Rosenbrock_of_100_is_tridiagonal_3_colours_and_6_gradients()
    {
        // f = Σᵢ 100(xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²: the chained variant, whose Hessian is tridiagonal.
        const int n = RosenbrockN;
        VectorFunction gradient = (x, g) =>
        {
            g.Clear();
            for (var i = 0; i + 1 < n; i++)
            {
                var u = x[i + 1] - x[i] * x[i];
                g[i] += -400 * x[i] * u - 2 * (1 - x[i]);
                g[i + 1] += 200 * u;
            }
        };
        var x = MghProblems.StandardStart(n);
        var truth = new double[n * n];
        for (var i = 0; i + 1 < n; i++)
        {
            truth[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            truth[(i + 1) * n + i + 1] += 200;
            truth[i * n + i + 1] = truth[(i + 1) * n + i] = -400 * x[i];
        }
        var result = Differentiate.SparseHessianFromGradient(gradient, SparsePatterns.Tridiagonal(n), x);
        Assert.Equal(3, result.Colors);
        Assert.Equal(6, result.Evaluations);
        Assert.InRange(MghProblems.ScaledError(result.Matrix.ToDense(), truth), 0, 1e-9);
    }

    [Fact]
    public void Batch_and_parallel_evaluation_give_the_same_bits()
    {
        var coloring = HessianColoring.Compute(SparsePatterns.Random(30, 30, 0.08, 7));
        var (gradient, _) = Coupled(coloring.Pattern);
        BatchVectorFunction batch = (points, dimension, values) =>
        {
            for (var r = 0; r < points.Length / dimension; r++)
                gradient(points.Slice(r * dimension, dimension), values.Slice(r * dimension, dimension));
        };
        var x = SparsePatterns.Point(30, 7);
        var expected = Differentiate.SparseHessianFromGradient(gradient, coloring, x).Matrix.Values;
        var values = new double[coloring.Pattern.NonZeros];
        Differentiate.SparseHessianFromGradient(batch, coloring, x, values, new DifferentiationOptions { BatchSize = 3 });
        Assert.Equal(expected, values);
        Differentiate.SparseHessianFromGradient(gradient, coloring, x, values, new DifferentiationOptions { Parallel = true, MaxDegreeOfParallelism = 3 });
        Assert.Equal(expected, values);
    }

    [Fact]
    public void The_span_overload_allocates_nothing_in_steady_state()
    {
        var coloring = HessianColoring.Compute(SparsePatterns.Tridiagonal(50));
        VectorFunction gradient = (x, g) =>
        {
            for (var i = 0; i < x.Length; i++) g[i] = x[i] * x[i] * x[i] + (i > 0 ? x[i - 1] : 0) + (i + 1 < x.Length ? x[i + 1] : 0);
        };
        var x = SparsePatterns.Point(50, 3);
        var values = new double[coloring.Pattern.NonZeros];
        foreach (var backend in new[] { Backend.Managed, Backend.Native })
        {
            var options = new DifferentiationOptions { Backend = backend };
            var bytes = Allocations.SteadyState(() => Differentiate.SparseHessianFromGradient(gradient, coloring, x, values, options));
            Assert.True(bytes == 0, $"{backend}: {bytes} bytes");
        }
    }

    [Fact]
    public void Bad_input_names_the_parameter()
    {
        VectorFunction gradient = (x, g) => { g[0] = x[1]; g[1] = x[0]; };
        var coloring = HessianColoring.Compute(SparsePatterns.Tridiagonal(2));
        double[] x = [1.0, 2.0];
        var values = new double[4];
        Assert.Equal("gradient", Assert.Throws<ArgumentNullException>(() => Differentiate.SparseHessianFromGradient((VectorFunction)null!, coloring, x, values)).ParamName);
        Assert.Equal("coloring", Assert.Throws<ArgumentNullException>(() => Differentiate.SparseHessianFromGradient(gradient, (HessianColoring)null!, x, values)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessianFromGradient(gradient, coloring, [1.0], values)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessianFromGradient(gradient, coloring, [1.0, double.NaN], values)).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessianFromGradient(gradient, coloring, x, new double[3])).ParamName);
        Assert.Equal("Accuracy", Assert.Throws<ArgumentOutOfRangeException>(() => Differentiate.SparseHessianFromGradient(gradient, coloring, x, values, new DifferentiationOptions { Accuracy = 3 })).ParamName);
        Assert.Equal("pattern", Assert.Throws<ArgumentException>(() => Differentiate.SparseHessianFromGradient(gradient, SparsityPattern.FromEntries(2, 3, [(0, 0)]), x)).ParamName);
        Assert.All(values, v => Assert.Equal(0.0, v)); // refused before anything was written
    }
}
