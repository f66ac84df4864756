namespace DiffNative.MachineLearning;

/// <summary>What one epoch of training saw. Gradient norms are taken before clipping and averaged
/// over the epoch's steps, so they show the raw signal reaching each layer: norms shrinking by
/// orders of magnitude towards the first layer mean vanishing gradients, growing ones exploding.</summary>
/// <param name="Epoch">Its number, from 1.</param>
/// <param name="Loss">The mean loss over the epoch's rows (each at the parameters its batch saw).</param>
/// <param name="Accuracy">The fraction of the epoch's rows classified correctly, as they were seen.</param>
/// <param name="GradientNorm">The mean global gradient norm of the steps.</param>
/// <param name="LayerGradientNorms">Per layer, the mean norm of its parameter gradient; 0 for
/// layers without parameters.</param>
/// <param name="ClippedSteps">Steps whose gradient was clipped (by value or by norm).</param>
/// <param name="VanishingLayers">Layers with parameters whose mean norm fell below the vanishing threshold.</param>
/// <param name="ExplodingLayers">Layers whose mean norm rose above the exploding threshold.</param>
public sealed record EpochRecord(int Epoch, double Loss, double Accuracy, double GradientNorm,
    IReadOnlyList<double> LayerGradientNorms, int ClippedSteps, IReadOnlyList<int> VanishingLayers, IReadOnlyList<int> ExplodingLayers);
