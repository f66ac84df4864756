using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>Every native kernel reachable from the facade, on every ISA, on buffers whose last
/// element abuts an inaccessible page: lengths 0..70 hit every vector tail. A read or write past
/// the end would crash the test run.</summary>
public class GuardPageTests
{
    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Sampled_data_kernels_stay_inside_their_buffers(Backend backend)
    {
        for (var n = 0; n <= 70; n++)
        {
            using var input = new GuardedBuffer(n);
            using var output = new GuardedBuffer(n);
            RandomSamples.Create(n, n).CopyTo(input.Span);
            if (n is 0 or >= 3) SampledDerivative.Gradient(input.Span, 0.5, output.Span, backend);
            if (n is 0 or >= 2) SampledDerivative.NumpyGradient(input.Span, 0.5, output.Span, 1, backend);
            foreach (var (order, accuracy) in new[] { (1, 2), (2, 4), (3, 6), (4, 8) })
                if (n == 0 || n >= Math.Max(2 * ((order + 1) / 2) - 1 + accuracy, order + accuracy))
                    SampledDerivative.Derivative(input.Span, 0.5, output.Span, order, accuracy, backend);
            if (n >= 16)
                SampledDerivative.Laplacian(input.Span[..16], [4, 4], [1.0, 1.0], output.Span[..16], 2, backend);
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Function_differentiation_kernels_stay_inside_their_buffers(Backend backend)
    {
        var options = new DifferentiationOptions { Backend = backend };
        for (var n = 1; n <= 40; n++)
        {
            using var x = new GuardedBuffer(n);
            using var gradient = new GuardedBuffer(n);
            using var hessian = new GuardedBuffer(n * n);
            for (var i = 0; i < n; i++) x.Span[i] = 0.1 * i - 1;
            Differentiate.Gradient(MghProblems.ExtendedRosenbrock, x.Span, gradient.Span, options);
            Differentiate.Gradient(MghProblems.ExtendedRosenbrock, x.Span, gradient.Span, options with { Adaptive = true });
            if (n <= 20) Differentiate.Hessian(MghProblems.ExtendedRosenbrock, x.Span, hessian.Span, options);
        }
    }

    /// <summary>dn_fd_points: every row shifted and given deltas on its last coordinate, so the
    /// vector tail and the last addition both touch the page's edge.</summary>
    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Batch_point_kernel_stays_inside_its_buffers(Backend backend)
    {
        const int rows = 3;
        for (var n = 1; n <= 70; n++)
        {
            using var x = new GuardedBuffer(n);
            using var direction = new GuardedBuffer(n);
            using var shifts = new GuardedBuffer(rows);
            using var deltas = new GuardedBuffer(rows);
            using var points = new GuardedBuffer(rows * n);
            for (var i = 0; i < n; i++) (x.Span[i], direction.Span[i]) = (0.1 * i - 1, 1.0 / (i + 1));
            for (var r = 0; r < rows; r++) (shifts.Span[r], deltas.Span[r]) = (0.5 * (r + 1), 1e-3);
            int[] rowStarts = [0, 1, 2, 3], indices = [n - 1, 0, n - 1];
            DiffNative.Interop.NativeCore.FdPoints(backend.Isa, x.Span, direction.Span, shifts.Span, rowStarts, indices, deltas.Span, points.Span);
            Assert.Equal(x.Span[n - 1] + 1.5 * direction.Span[n - 1] + 1e-3, points.Span[rows * n - 1]);
        }
    }

    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Activation_kernels_stay_inside_their_buffers(Backend backend)
    {
        for (var n = 0; n <= 70; n++)
        {
            using var x = new GuardedBuffer(n);
            using var upstream = new GuardedBuffer(n);
            using var value = new GuardedBuffer(n);
            using var derivative = new GuardedBuffer(n);
            RandomSamples.Create(n, n).CopyTo(x.Span);
            upstream.Span.Fill(0.5);
            foreach (var kind in Enum.GetValues<ActivationKind>())
            {
                var activation = new Activation(kind, 0.1);
                activation.Apply(x.Span, value.Span, backend);
                activation.Derivative(x.Span, derivative.Span, backend);
                activation.ApplyWithDerivative(x.Span, value.Span, derivative.Span, backend);
                activation.Backward(x.Span, upstream.Span, derivative.Span, backend);
            }
        }
    }
}
