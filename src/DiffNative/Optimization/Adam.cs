namespace DiffNative.Optimization;

/// <summary>Adam (Kingma and Ba) with bias-corrected moments, and AdamW (Loshchilov and Hutter) when
/// the weight decay λ is positive: x ← x(1 − ηλ) − η m̂/(√v̂ + ε), PyTorch's order.</summary>
internal sealed class Adam(int n, double rate, double beta1, double beta2, double epsilon, double weightDecay) : FixedStepMethod(n)
{
    private readonly double[] first = new double[n];
    private readonly double[] second = new double[n];
    private double beta1Power = 1, beta2Power = 1;

    protected override void Update(ReadOnlySpan<double> x, ReadOnlySpan<double> g, Span<double> next)
    {
        beta1Power *= beta1;
        beta2Power *= beta2;
        var decay = 1 - rate * weightDecay;
        for (var i = 0; i < x.Length; i++)
        {
            first[i] = beta1 * first[i] + (1 - beta1) * g[i];
            second[i] = beta2 * second[i] + (1 - beta2) * g[i] * g[i];
            var mHat = first[i] / (1 - beta1Power);
            var vHat = second[i] / (1 - beta2Power);
            next[i] = x[i] * decay - rate * mHat / (Math.Sqrt(vHat) + epsilon);
        }
    }
}
