namespace DiffNative.MachineLearning;

/// <summary>How <see cref="DenseLayer"/> draws its initial weights (biases start at 0). Both are
/// uniform on [−a, a], chosen so that the variance of activations (Xavier) or of ReLU outputs
/// (He) neither grows nor shrinks from layer to layer, the first defence against vanishing and
/// exploding gradients.</summary>
public enum WeightInitialization
{
    /// <summary>Glorot and Bengio (2010): a = √(6/(inputs + outputs)); for tanh and sigmoid.</summary>
    Xavier,

    /// <summary>He et al. (2015): a = √(6/inputs), variance 2/inputs; for ReLU and its kin.</summary>
    He,
}
