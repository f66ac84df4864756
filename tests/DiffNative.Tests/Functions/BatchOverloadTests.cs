using DiffNative.Tests.Support;

namespace DiffNative.Tests.Functions;

/// <summary>The Hessian diagonal, Hessian-vector products and gradients with error estimates take a
/// batch function too. A batch function sees the same points as the per-point one, built by the
/// backend's point kernel (for H·v the points move along v, the kernel's direction path), so the
/// results, errors and evaluation counts must have the per-point call's bits, whatever the batch
/// size.</summary>
public class BatchOverloadTests
{
    private static readonly double[] X = [-1.2, 1.0, -0.7, 0.4, 2.5, -3.1, 0.9];
    private static readonly double[] V = [0.3, -1.0, 0.25, 2.0, -0.5, 1.5, -0.75];

    private static double F(ReadOnlySpan<double> p) =>
        MghProblems.ExtendedRosenbrock(p[..6]) + Math.Exp(0.3 * p[6]) * Math.Sin(p[1] * p[6]);

    private static BatchScalarFunction Batch(List<int> rowsSeen) => (points, n, values) =>
    {
        rowsSeen.Add(values.Length);
        for (var r = 0; r < values.Length; r++) values[r] = F(points.Slice(r * n, n));
    };

    public static TheoryData<Backend, int> BackendsAndBatchSizes()
    {
        var data = new TheoryData<Backend, int>();
        foreach (var row in Backends.All())
            foreach (var batchSize in new[] { 1, 5, 1000 })
                data.Add((Backend)row[0], batchSize);
        return data;
    }

    [Theory]
    [MemberData(nameof(BackendsAndBatchSizes))]
    public void Batch_overloads_give_the_per_point_bits(Backend backend, int batchSize)
    {
        var n = X.Length;
        var rows = new List<int>();
        var batch = Batch(rows);
        foreach (var options in new[]
                 {
                     new DifferentiationOptions { Backend = backend, BatchSize = batchSize },
                     new DifferentiationOptions { Backend = backend, BatchSize = batchSize, Accuracy = 4 },
                     new DifferentiationOptions { Backend = backend, BatchSize = batchSize, Adaptive = true },
                 })
        {
            var context = $"{backend}, batch {batchSize}, accuracy {options.Accuracy}, adaptive {options.Adaptive}";
            double[] expected = new double[n], actual = new double[n];
            rows.Clear();
            var perPoint = Differentiate.HessianDiagonal(F, X, expected, options);
            var batched = Differentiate.HessianDiagonal(batch, X, actual, options);
            Bits.AssertIdentical(expected, actual, $"diagonal, {context}");
            Assert.Equal(perPoint, batched);
            Assert.Equal(batched.Evaluations, rows.Sum());
            Assert.All(rows, r => Assert.InRange(r, 1, batchSize));

            perPoint = Differentiate.HessianVectorProduct(F, X, V, expected, options);
            batched = Differentiate.HessianVectorProduct(batch, X, V, actual, options);
            Bits.AssertIdentical(expected, actual, $"H·v, {context}");
            Assert.Equal(perPoint, batched);
        }
        {
            var options = new DifferentiationOptions { Backend = backend, BatchSize = batchSize };
            var context = $"{backend}, batch {batchSize}, with errors";
            double[] expected = new double[n], actual = new double[n], expectedErrors = new double[n], actualErrors = new double[n];
            Assert.Equal(Differentiate.HessianDiagonal(F, X, expected, options, errors: expectedErrors),
                Differentiate.HessianDiagonal(batch, X, actual, options, errors: actualErrors));
            Bits.AssertIdentical(expected, actual, $"diagonal, {context}");
            Bits.AssertIdentical(expectedErrors, actualErrors, $"diagonal errors, {context}");
            Assert.Equal(Differentiate.HessianVectorProduct(F, X, V, expected, options, errors: expectedErrors),
                Differentiate.HessianVectorProduct(batch, X, V, actual, options, errors: actualErrors));
            Bits.AssertIdentical(expected, actual, $"H·v, {context}");
            Bits.AssertIdentical(expectedErrors, actualErrors, $"H·v errors, {context}");
            Assert.Equal(Differentiate.Gradient(F, X, expected, options, errors: expectedErrors),
                Differentiate.Gradient(batch, X, actual, options, errors: actualErrors));
            Bits.AssertIdentical(expected, actual, $"gradient, {context}");
            Bits.AssertIdentical(expectedErrors, actualErrors, $"gradient errors, {context}");
        }
    }

    /// <summary>Against independent truth, not only against the per-point path: the closed-form
    /// Hessian of the extended Rosenbrock function times v, and its diagonal.</summary>
    [Theory]
    [MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Batch_Hessian_vector_product_matches_the_closed_form(Backend backend)
    {
        var x = MghProblems.StandardStart(8);
        var v = Enumerable.Range(0, 8).Select(i => 1.0 - 0.2 * i).ToArray();
        BatchScalarFunction f = (points, n, values) =>
        {
            for (var r = 0; r < values.Length; r++) values[r] = MghProblems.ExtendedRosenbrock(points.Slice(r * n, n));
        };
        var exact = new double[8];
        var diagonal = new double[8];
        for (var i = 0; i < 8; i += 2)
        {
            // f = 100 (x₂ − x₁²)² + (1 − x₁)² per pair (x₁, x₂) = (x[i], x[i+1]).
            double a = x[i], b = x[i + 1];
            double haa = 1200 * a * a - 400 * b + 2, hab = -400 * a, hbb = 200;
            exact[i] = haa * v[i] + hab * v[i + 1];
            exact[i + 1] = hab * v[i] + hbb * v[i + 1];
            diagonal[i] = haa;
            diagonal[i + 1] = hbb;
        }
        var product = new double[8];
        var errors = new double[8];
        Differentiate.HessianVectorProduct(f, x, v, product, new DifferentiationOptions { Backend = backend, BatchSize = 3 }, errors: errors);
        for (var i = 0; i < 8; i++)
        {
            Assert.True(Math.Abs(product[i] - exact[i]) <= 1e-9 * (1 + Math.Abs(exact[i])), $"H·v[{i}] = {product[i]:R}, exact {exact[i]:R}");
            Assert.True(errors[i] >= Math.Abs(product[i] - exact[i]), $"H·v[{i}]: error estimate {errors[i]:R} below the true error");
        }
        var d = new double[8];
        Differentiate.HessianDiagonal(f, x, d, new DifferentiationOptions { Backend = backend, BatchSize = 4 });
        for (var i = 0; i < 8; i++)
            Assert.True(Math.Abs(d[i] - diagonal[i]) <= 3e-7 * Math.Abs(diagonal[i]), $"diagonal[{i}] = {d[i]:R}, exact {diagonal[i]:R}");
    }
}
