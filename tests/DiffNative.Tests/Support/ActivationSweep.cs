using System.Numerics;

namespace DiffNative.Tests.Support;

/// <summary>What the double and float activation backend tests sweep: every activation, random
/// inputs over many binades with special values planted.</summary>
public static class ActivationSweep
{
    /// <summary>Every kind once, with α away from its default where it has one, so a kernel that
    /// ignored α would be caught.</summary>
    public static readonly Activation[] All =
    [
        Activation.Relu, Activation.LeakyRelu(0.2), Activation.Elu(1.3), Activation.Selu, Activation.Sigmoid,
        Activation.Tanh, Activation.Softplus, Activation.Silu, Activation.GeluTanh, Activation.Gelu,
    ];

    /// <summary><paramref name="n"/> values (u − ½)·2ᵏ, k in [−3, 7), drawn in double and rounded
    /// once to T, with <paramref name="specials"/> planted at every 7th place.</summary>
    public static T[] Inputs<T>(int n, int seed, T[] specials) where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed);
        var x = new T[n];
        for (var i = 0; i < n; i++) x[i] = T.CreateTruncating((random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-3, 7)));
        for (var i = 0; i < Math.Min(n, specials.Length); i++) x[(i * 7) % n] = specials[i];
        return x;
    }
}
