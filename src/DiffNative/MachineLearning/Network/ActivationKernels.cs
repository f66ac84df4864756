using System.Numerics;

namespace DiffNative;

/// <summary>The activation layer's passes, shared by <see cref="ActivationLayer"/> and
/// <see cref="ActivationLayer{T}"/>: the double or float kernels of <see cref="Activation"/>,
/// picked by the element type.</summary>
internal static class ActivationKernels
{
    internal static void Forward<T>(Activation activation, Backend? backend, ReadOnlySpan<T> input, Span<T> output)
        where T : struct, IFloatingPointIeee754<T>
    {
        if (NetworkPrecision<T>.IsDouble)
            activation.Apply(NetworkPrecision<T>.AsDouble(input), NetworkPrecision<T>.AsDouble(output), backend);
        else
            activation.Apply(NetworkPrecision<T>.AsSingle(input), NetworkPrecision<T>.AsSingle(output), backend);
    }

    /// <summary>∂L/∂input = upstream ⊙ f′(input); nothing when the input gradient is not wanted.</summary>
    internal static void Backward<T>(Activation activation, Backend? backend, ReadOnlySpan<T> input, ReadOnlySpan<T> outputGradient,
        Span<T> inputGradient) where T : struct, IFloatingPointIeee754<T>
    {
        if (inputGradient.IsEmpty) return;
        if (NetworkPrecision<T>.IsDouble)
            activation.Backward(NetworkPrecision<T>.AsDouble(input), NetworkPrecision<T>.AsDouble(outputGradient),
                NetworkPrecision<T>.AsDouble(inputGradient), backend);
        else
            activation.Backward(NetworkPrecision<T>.AsSingle(input), NetworkPrecision<T>.AsSingle(outputGradient),
                NetworkPrecision<T>.AsSingle(inputGradient), backend);
    }
}
