namespace DiffNative.Tests.Support;

/// <summary>Deterministic samples spread across magnitudes 2^-20..2^20 with both signs.</summary>
public static class RandomSamples
{
    public static double[] Create(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (var i = 0; i < length; i++)
            values[i] = (random.NextDouble() - 0.5) * Math.ScaleB(1.0, random.Next(-20, 21));
        return values;
    }
}
