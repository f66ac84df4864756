using System.Numerics;
using Xunit.Abstractions;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>One Iris training run for the double and the float tests: accuracy before and after,
/// the first epoch at 95 %, and the checks every run must pass (finite, ≥ 95 % at the end).</summary>
internal static class IrisRun
{
    internal static TrainingResult TrainAndReport<T>(ITestOutputHelper output, string label, Sequential<T> network,
        T[] x, T[] y, TrainingOptions options, IParameterUpdater<T>? updater = null)
        where T : struct, IFloatingPointIeee754<T>
    {
        var before = Training.Accuracy<T>(network, x, y);
        var result = updater is null ? Training.Train<T>(network, x, y, options) : Training.Train<T>(network, x, y, updater, options);
        var after = Training.Accuracy<T>(network, x, y);
        var firstAbove = result.Epochs.FirstOrDefault(e => e.Accuracy >= 0.95)?.Epoch;
        output.WriteLine($"{label}: accuracy {before:P1} → {after:P1}, loss {result.Last!.Loss:F4}, epochs {result.Epochs.Count}, " +
                         $"first epoch ≥ 95 % (as seen during the epoch): {firstAbove}, steps {result.Steps}");
        Assert.False(result.StoppedOnNonFinite);
        Assert.True(after >= 0.95, $"{label}: training accuracy {after:P1}");
        return result;
    }
}
