namespace DiffNative.MachineLearning;

/// <summary>The elementwise activations. The numbers match dn_activation in diffnative.h.</summary>
public enum ActivationKind
{
    /// <summary>max(x, 0); derivative 1 for x &gt; 0, else 0.</summary>
    Relu = 0,

    /// <summary>x, or αx for x &lt; 0; derivative 1 for x &gt; 0, else α.</summary>
    LeakyRelu = 1,

    /// <summary>x, or α(eˣ − 1) for x ≤ 0; derivative αeˣ there.</summary>
    Elu = 2,

    /// <summary>λ·ELU with the SELU paper's α = 1.67326… and λ = 1.05070….</summary>
    Selu = 3,

    /// <summary>1/(1 + e⁻ˣ).</summary>
    Sigmoid = 4,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh = 5,

    /// <summary>log(1 + eˣ); its derivative is the sigmoid.</summary>
    Softplus = 6,

    /// <summary>SiLU (swish): x·sigmoid(x).</summary>
    Silu = 7,

    /// <summary>GELU, tanh approximation: x/2·(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
    GeluTanh = 8,

    /// <summary>GELU, exact: x·Φ(x) with Φ the standard normal CDF; derivative Φ(x) + x·φ(x).</summary>
    Gelu = 9,
}
