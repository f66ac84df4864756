using DiffNative.Tests.Support;

namespace DiffNative.Tests.Hardening;

/// <summary>The float activation and softmax kernels on every ISA, on float buffers whose last
/// element abuts an inaccessible page: lengths 0..70 hit every vector tail, and a 4-float tail is
/// half a vector of doubles. A read or write past the end would crash the test run.</summary>
public class FloatGuardPageTests
{
    [Theory]
    [MemberData(nameof(Backends.Native), MemberType = typeof(Backends))]
    public void Float_activation_and_softmax_kernels_stay_inside_their_buffers(Backend backend)
    {
        for (var n = 0; n <= 70; n++)
        {
            using var x = GuardedBuffer.OfFloats(n);
            using var upstream = GuardedBuffer.OfFloats(n);
            using var value = GuardedBuffer.OfFloats(n);
            using var derivative = GuardedBuffer.OfFloats(n);
            for (var i = 0; i < n; i++)
            {
                x.FloatSpan[i] = 0.37f * i - 9f;
                upstream.FloatSpan[i] = 1f - 0.01f * i;
            }
            foreach (var activation in ActivationSweep.All)
            {
                activation.ApplyWithDerivative(x.FloatSpan, value.FloatSpan, derivative.FloatSpan, backend);
                activation.Backward(x.FloatSpan, upstream.FloatSpan, derivative.FloatSpan, backend);
            }
            Softmax.Apply(x.FloatSpan, value.FloatSpan, backend: backend);
            Softmax.Backward(value.FloatSpan, upstream.FloatSpan, derivative.FloatSpan, backend: backend);
            Softmax.ApplyLog(x.FloatSpan, value.FloatSpan, backend: backend);
            Softmax.BackwardLog(value.FloatSpan, upstream.FloatSpan, derivative.FloatSpan, backend: backend);
        }
    }
}
