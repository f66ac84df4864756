namespace DiffNative.Tests.Support;

/// <summary>The residual vectors r of the Moré–Garbow–Hillstrom problems of TestData/mgh.json
/// (F = Σ rᵢ²), as <see cref="MghSet"/> defines them.</summary>
public static class MghResiduals
{
    /// <summary>m, the number of residuals (<paramref name="n"/> is the problem's own).</summary>
    public static int Count(string id, int n) => MghSet.Get(id) is { } problem && problem.N == n ? problem.M
        : throw new ArgumentException($"{id} has n = {MghSet.Get(id).N}, not {n}", nameof(n));

    public static VectorFunction For(string id) => MghSet.Get(id).Residuals;
}
