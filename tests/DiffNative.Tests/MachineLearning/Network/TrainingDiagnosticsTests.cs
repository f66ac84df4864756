using DiffNative.Tests.Support;

namespace DiffNative.Tests.MachineLearning.Network;

/// <summary>Gradient clipping, per-layer gradient-norm diagnostics and the steady-state
/// allocation promise of training.</summary>
public class TrainingDiagnosticsTests
{
    [Fact]
    public void Clipping_by_global_norm_keeps_the_direction_and_caps_the_norm()
    {
        double[] g = [3, -4, 12]; // norm 13
        var before = GradientClipping.ByGlobalNorm(g, 6.5);
        Assert.Equal(13, before, 1e-12);
        Assert.Equal([1.5, -2, 6], g);
        Assert.Equal(6.5, GradientClipping.ByGlobalNorm(g, 100), 1e-12);
        Assert.Equal([1.5, -2, 6], g); // under the bound: untouched
    }

    [Fact]
    public void Clipping_by_value_clamps_each_entry_and_counts_them()
    {
        double[] g = [0.5, -3, 2, double.NaN];
        Assert.Equal(2, GradientClipping.ByValue(g, 1));
        Assert.Equal(0.5, g[0]);
        Assert.Equal(-1, g[1]);
        Assert.Equal(1, g[2]);
        Assert.True(double.IsNaN(g[3]));
    }

    [Fact]
    public void The_norm_neither_overflows_nor_underflows()
    {
        Assert.Equal(5e300, GradientClipping.Norm([3e300, 4e300]), 1e288);
        Assert.Equal(5e-300, GradientClipping.Norm([3e-300, 4e-300]), 1e-312);
        Assert.True(double.IsNaN(GradientClipping.Norm([1, double.NaN])));
    }

    /// <summary>Ten sigmoid layers: each multiplies the backward signal by σ′ ≤ 1/4 and by weights
    /// of order 1, so the first layer's gradient is orders of magnitude below the last one's.</summary>
    [Fact]
    public void A_deep_sigmoid_network_reports_vanishing_gradients_in_its_first_layers()
    {
        var layers = new List<Layer>();
        for (var l = 0; l < 10; l++) { layers.Add(new DenseLayer(4, 4)); layers.Add(new ActivationLayer(Activation.Sigmoid, 4)); }
        layers.Add(new DenseLayer(4, 3));
        var network = new Sequential([.. layers]);
        network.Initialize(new Random(1));
        var (x, y) = IrisData.Load();

        var result = Training.Train(network, x, y, new TrainingOptions { Epochs = 1, VanishingThreshold = 1e-4, Seed = 1 });

        var norms = result.Epochs[0].LayerGradientNorms;
        Assert.Equal(21, norms.Count);
        Assert.True(norms[0] < 1e-4 * norms[20], $"first {norms[0]:E2}, last {norms[20]:E2}");
        Assert.Contains(0, result.Epochs[0].VanishingLayers);
        Assert.DoesNotContain(20, result.Epochs[0].VanishingLayers);
        Assert.DoesNotContain(1, result.Epochs[0].VanishingLayers); // activation layers have no parameters to judge
    }

    /// <summary>Nine linear layers with weights 3× too large: the forward signal and the backward
    /// signal both grow about threefold per layer, so every layer's weight gradient (their product)
    /// is far above that of the same network at Xavier scale; the layers are reported as exploding,
    /// and clipping by norm bounds every step and is counted.</summary>
    [Fact]
    public void A_badly_scaled_deep_network_reports_exploding_gradients_and_clipping_bounds_them()
    {
        var (x, y) = IrisData.Load();
        EpochRecord FirstEpoch(double scale)
        {
            var layers = Enumerable.Range(0, 8).Select(_ => (Layer)new DenseLayer(4, 4)).Append(new DenseLayer(4, 3)).ToArray();
            var network = new Sequential(layers);
            network.Initialize(new Random(2));
            foreach (ref var p in network.Parameters) p *= scale;
            return Training.Train(network, x, y, new TrainingOptions
            {
                Epochs = 1, Seed = 2, ClipNorm = 1.0, ExplodingThreshold = 100,
                Optimizer = new OptimizerOptions { Method = OptimizationMethod.GradientDescent, LearningRate = 1e-3 },
            }).Epochs[0];
        }

        var wellScaled = FirstEpoch(1.0);
        var exploding = FirstEpoch(3.0);

        Assert.Empty(wellScaled.ExplodingLayers);
        Assert.Equal(Enumerable.Range(0, 9), exploding.ExplodingLayers);
        for (var l = 0; l < 9; l++)
            Assert.True(exploding.LayerGradientNorms[l] > 10 * wellScaled.LayerGradientNorms[l],
                $"layer {l}: {exploding.LayerGradientNorms[l]:E2} vs {wellScaled.LayerGradientNorms[l]:E2}");
        Assert.Equal(10, exploding.ClippedSteps); // every one of the ⌈150/16⌉ = 10 steps
    }

    [Fact]
    public void Training_stops_on_a_non_finite_loss_and_says_so()
    {
        var network = new Sequential(new DenseLayer(4, 3));
        network.Initialize(new Random(3));
        var (x, y) = IrisData.Load();
        x[17] = double.NaN;
        var result = Training.Train(network, x, y, new TrainingOptions { Epochs = 3, Shuffle = false });
        Assert.True(result.StoppedOnNonFinite);
        Assert.Empty(result.Epochs);
        Assert.Equal(0, result.Steps); // row 4 is in the first batch
    }

    [Fact]
    public void A_training_step_allocates_nothing_once_the_buffers_exist()
    {
        var network = new Sequential(new DenseLayer(4, 16), new ActivationLayer(Activation.Tanh, 16), new DenseLayer(16, 3));
        network.Initialize(new Random(4));
        var updater = ParameterUpdater.Adam(network.ParameterCount, 1e-2);
        var (x, y) = IrisData.Load();
        var batchX = x.AsSpan(0, 16 * 4).ToArray();
        var batchY = y.AsSpan(0, 16 * 3).ToArray();
        var dz = new double[16 * 3];
        void Step()
        {
            var logits = network.Forward(batchX, 16);
            SoftmaxCrossEntropy.Loss(logits, batchY, 3, dz);
            network.Backward(dz);
            GradientClipping.ByGlobalNorm(network.Gradient, 1.0);
            updater.Step(network.Parameters, network.Gradient);
        }
        // The warm-ups size the buffers; 100 steps are one measured call, so a step that
        // allocates only now and then (every few steps) still shows in every measurement.
        Assert.Equal(0, Allocations.SteadyState(() =>
        {
            for (var i = 0; i < 100; i++) Step();
        }));
    }

    [Fact]
    public void Widths_that_do_not_chain_are_rejected_with_the_layers_named()
    {
        var e = Assert.Throws<ArgumentException>(() => new Sequential(new DenseLayer(4, 8), new ActivationLayer(Activation.Relu, 6)));
        Assert.Contains("Layer 1", e.Message);
    }
}
