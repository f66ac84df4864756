using DiffNative.Reference;
using static DiffNative.Reference.VectorMathReference;

namespace DiffNative.MachineLearning;

/// <summary>Loss functions with their gradients with respect to the first argument (predictions,
/// probabilities, logits or scores). Each returns the loss; pass a <c>gradient</c> span as long as
/// the predictions to receive ∂loss/∂prediction, or leave it empty for the loss alone. The
/// reduction is the mean unless stated (so MSE's gradient is 2(p − y)/n, not 2(p − y)); the
/// categorical losses average over rows. NaN in gives NaN out: a NaN prediction or target makes the
/// loss NaN and its gradient entry NaN (a categorical row on logits: the whole row's), always with
/// the bits of <see cref="double.NaN"/>. Managed code on every backend in this version; nothing
/// allocates.</summary>
public static partial class Losses
{
    /// <summary>The clamp of the probability losses: p is read as min(max(p, ε), 1 − ε).</summary>
    public const double DefaultEpsilon = 1e-12;

    /// <summary>Σ(p − y)² / n; gradient 2(p − y)/n (Sum: without the /n).</summary>
    public static double MeanSquaredError(ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, Span<double> gradient = default,
        LossReduction reduction = LossReduction.Mean)
    {
        var scale = Scale(predictions, targets, gradient, reduction, predictions.Length);
        var total = 0.0;
        for (var i = 0; i < predictions.Length; i++)
        {
            var r = predictions[i] - targets[i];
            total += r * r;
            if (!gradient.IsEmpty) gradient[i] = CanonicalNan(2.0 * r * scale);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Σ|p − y| / n; gradient sign(p − y)/n, 0 where p = y.</summary>
    public static double MeanAbsoluteError(ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, Span<double> gradient = default,
        LossReduction reduction = LossReduction.Mean)
    {
        var scale = Scale(predictions, targets, gradient, reduction, predictions.Length);
        var total = 0.0;
        for (var i = 0; i < predictions.Length; i++)
        {
            var r = predictions[i] - targets[i];
            total += Math.Abs(r);
            if (!gradient.IsEmpty) gradient[i] = Entry((r > 0 ? 1.0 : r < 0 ? -1.0 : 0.0) * scale, r);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Huber: r²/2 for |r| ≤ δ, δ(|r| − δ/2) beyond, r = p − y, averaged; gradient r/n
    /// inside and δ·sign(r)/n beyond.</summary>
    public static double Huber(ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, Span<double> gradient = default,
        double delta = 1.0, LossReduction reduction = LossReduction.Mean)
    {
        if (!double.IsFinite(delta) || delta <= 0)
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be finite and positive.");
        var scale = Scale(predictions, targets, gradient, reduction, predictions.Length);
        var total = 0.0;
        for (var i = 0; i < predictions.Length; i++)
        {
            var r = predictions[i] - targets[i];
            var a = Math.Abs(r);
            total += a <= delta ? 0.5 * r * r : delta * (a - 0.5 * delta);
            if (!gradient.IsEmpty) gradient[i] = Entry((a <= delta ? r : Math.CopySign(delta, r)) * scale, r);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Binary cross-entropy on probabilities: −[y log p + (1 − y) log1p(−p)] averaged, with p
    /// clamped to [ε, 1 − ε] so that p = 0 or 1 gives a finite loss (log1p keeps a small p's loss
    /// accurate: p = 1e-20 with y = 0 costs 1e-20, not 0); gradient
    /// (p − y)/(p(1 − p))/n at the clamped p, and 0 where the clamp is active (the clamped loss is
    /// flat there). Prefer <see cref="BinaryCrossEntropyWithLogits(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, LossReduction)"/> when you have logits.</summary>
    public static double BinaryCrossEntropy(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> targets, Span<double> gradient = default,
        double epsilon = DefaultEpsilon, LossReduction reduction = LossReduction.Mean)
    {
        ValidateEpsilon(epsilon);
        var scale = Scale(probabilities, targets, gradient, reduction, probabilities.Length);
        var total = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = Math.Clamp(probabilities[i], epsilon, 1.0 - epsilon);
            var y = targets[i];
            total -= y * Math.Log(p) + (1.0 - y) * LogOneMinus(p);
            if (!gradient.IsEmpty)
                gradient[i] = Entry(p == probabilities[i] ? (p - y) / (p * (1.0 - p)) * scale : 0.0, probabilities[i], y);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Binary cross-entropy on logits z, stable for any z: softplus(z) − y·z, computed as
    /// c·z + log1p(e^−|z|) with c = 1 − y for z &gt; 0 and −y otherwise (the two halves of
    /// max(z, 0) − y·z, so nothing cancels: z = 36 with y = 1 gives e^−36, not 0), averaged; gradient
    /// (sigmoid(z) − y)/n, as c − sigmoid(−z) for z &gt; 0 and c + sigmoid(z) otherwise. z = 1000 with
    /// y = 0 gives 1000, not infinity or NaN; an infinite z gives the limits (0 where c = 0).</summary>
    public static double BinaryCrossEntropyWithLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, Span<double> gradient = default,
        LossReduction reduction = LossReduction.Mean)
    {
        var scale = Scale(logits, targets, gradient, reduction, logits.Length);
        var total = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            var z = logits[i];
            var positive = z > 0;
            var c = positive ? 1.0 - targets[i] : -targets[i];
            var e = ExpNegative(-Math.Abs(z), 0.0, false, out _);
            // c = 0 is an exact 0 (y = 1 with z > 0, y = 0 otherwise): its term is 0 even at z = ±∞
            total += (c == 0 ? 0.0 : c * z) + Log1p(e);
            if (gradient.IsEmpty) continue;
            var small = e / (1.0 + e); // sigmoid(−|z|), the smaller of sigmoid(z) and sigmoid(−z)
            gradient[i] = CanonicalNan((positive ? c - small : c + small) * scale);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Categorical cross-entropy on probabilities in rows of <paramref name="classes"/>:
    /// −Σ y log p per row, p clamped to [ε, 1], averaged over rows; gradient −y/p / rows at the
    /// clamped p (0 where the clamp is active).</summary>
    public static double CategoricalCrossEntropy(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> targets, int classes,
        Span<double> gradient = default, double epsilon = DefaultEpsilon, LossReduction reduction = LossReduction.Mean)
    {
        ValidateEpsilon(epsilon);
        var rows = Rows(probabilities.Length, classes);
        var scale = Scale(probabilities, targets, gradient, reduction, rows);
        var total = 0.0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            var p = Math.Max(probabilities[i], epsilon);
            var y = targets[i];
            if (y != 0 || double.IsNaN(p)) total -= y * Math.Log(p);
            if (!gradient.IsEmpty) gradient[i] = Entry(p == probabilities[i] ? -y / p * scale : 0.0, p, y);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Categorical cross-entropy on logits in rows of <paramref name="classes"/>:
    /// −Σ y·log_softmax(z) per row with the maximum subtracted, averaged over rows; the fused
    /// gradient softmax(z)·Σy − y per row (p − y for targets that sum to 1), / rows. Infinite and NaN
    /// logits follow <see cref="Softmax"/>: [+∞, 0] has log-softmax [0, −∞].</summary>
    public static double CategoricalCrossEntropyWithLogits(ReadOnlySpan<double> logits, ReadOnlySpan<double> targets, int classes,
        Span<double> gradient = default, LossReduction reduction = LossReduction.Mean)
    {
        var rows = Rows(logits.Length, classes);
        var scale = Scale(logits, targets, gradient, reduction, rows);
        var total = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var z = logits.Slice(r * classes, classes);
            var y = targets.Slice(r * classes, classes);
            var m = double.NegativeInfinity;
            foreach (var v in z) m = v > m ? v : m;
            m = m == double.NegativeInfinity ? double.NaN : m + 0.0; // as softmax: an all −∞ row is NaN
            // log Σ e^(z − m) as log1p of the terms other than the maximum, as Softmax.ApplyLog does
            var rest = 0.0;
            var ties = 0.0;
            foreach (var v in z)
            {
                if (v == m) ties += 1.0;
                else rest += ExpNegative(v - m, 0.0, false, out _);
            }
            var logSum = Log1p(rest + (ties - 1.0));
            var targetSum = 0.0;
            for (var k = 0; k < classes; k++)
            {
                if (y[k] != 0 || double.IsNaN(logSum)) total -= y[k] * (Shifted(z[k], m) - logSum);
                targetSum += y[k];
            }
            if (gradient.IsEmpty) continue;
            var g = gradient.Slice(r * classes, classes);
            for (var k = 0; k < classes; k++)
            {
                var p = ExpNegative(Shifted(z[k], m) - logSum, 0.0, false, out _);
                g[k] = CanonicalNan((p * targetSum - y[k]) * scale);
            }
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Kullback–Leibler divergence KL(target ‖ predicted) = Σ t log(t/q) per row of
    /// <paramref name="classes"/> (0·log 0 = 0), averaged over rows ("batchmean"); gradient with
    /// respect to the predicted probabilities q: −t/q / rows. Not clamped: q = 0 where t &gt; 0 gives +∞.</summary>
    public static double KlDivergence(ReadOnlySpan<double> predicted, ReadOnlySpan<double> target, int classes,
        Span<double> gradient = default, LossReduction reduction = LossReduction.Mean)
    {
        var rows = Rows(predicted.Length, classes);
        var scale = Scale(predicted, target, gradient, reduction, rows, nameof(target));
        var total = 0.0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var t = target[i];
            var q = predicted[i];
            if (t != 0 || double.IsNaN(q)) total += t * (Math.Log(t) - Math.Log(q));
            if (!gradient.IsEmpty) gradient[i] = Entry(t == 0 ? 0.0 : -t / q * scale, q);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>Hinge loss on scores s with labels y = ±1: max(0, 1 − y·s) averaged; gradient −y/n
    /// where the margin is violated (1 − y·s &gt; 0), else 0.</summary>
    public static double Hinge(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, Span<double> gradient = default,
        LossReduction reduction = LossReduction.Mean)
    {
        var scale = Scale(scores, labels, gradient, reduction, scores.Length, nameof(labels));
        // Every label before the first write: a refused one leaves the gradient untouched.
        for (var i = 0; i < labels.Length; i++)
            if (labels[i] != 1.0 && labels[i] != -1.0)
                throw new ArgumentException($"labels[{i}] is {labels[i]}; hinge labels are -1 or +1.", nameof(labels));
        var total = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            var y = labels[i];
            var margin = 1.0 - y * scores[i];
            total += margin > 0 || double.IsNaN(margin) ? margin : 0.0;
            if (!gradient.IsEmpty) gradient[i] = Entry(margin > 0 ? -y * scale : 0.0, margin);
        }
        return CanonicalNan(total * scale);
    }

    /// <summary>z − m, as log-softmax takes it: 0 for a maximum at +∞ (not ∞ − ∞).</summary>
    private static double Shifted(double z, double m) => m == double.PositiveInfinity && z == m ? 0.0 : z - m;

    /// <summary>A gradient entry g, or the canonical NaN when one of its inputs is NaN: a sign, a
    /// clamp or a margin test would otherwise read a NaN prediction or target as a finite slope.</summary>
    private static double Entry(double g, double input, double other = 0.0) =>
        double.IsNaN(input) || double.IsNaN(other) ? CanonicalNan(double.NaN) : CanonicalNan(g);

    /// <summary>Checks lengths and returns the reduction's factor (1/count or 1).</summary>
    private static double Scale<T>(ReadOnlySpan<T> predictions, ReadOnlySpan<T> targets, Span<T> gradient,
        LossReduction reduction, int count, string targetsName = "targets")
    {
        if (targets.Length != predictions.Length)
            throw new ArgumentException($"{targetsName} holds {targets.Length} values, the predictions {predictions.Length}.", targetsName);
        if (!gradient.IsEmpty && gradient.Length != predictions.Length)
            throw new ArgumentException($"The gradient holds {gradient.Length} values; it must be empty or hold {predictions.Length}.", nameof(gradient));
        if (!gradient.IsEmpty && (predictions.Overlaps(gradient) || targets.Overlaps(gradient)))
            throw new ArgumentException("The gradient must not overlap the inputs.", nameof(gradient));
        if (!Enum.IsDefined(reduction))
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "Unknown reduction.");
        return reduction == LossReduction.Mean && count > 0 ? 1.0 / count : 1.0;
    }

    private static int Rows(int length, int classes)
    {
        if (classes <= 0)
            throw new ArgumentOutOfRangeException(nameof(classes), classes, "The number of classes must be positive.");
        if (length % classes != 0)
            throw new ArgumentException($"{length} values do not make whole rows of {classes} classes.", nameof(classes));
        return length / classes;
    }

    /// <summary>log(1 − p) = log1p(−p) for p &lt; 1, without the rounding of 1 − p that leaves nothing
    /// of a tiny p (log(1 − 1e-20) would be 0): Goldberg's log(u)·(−p)/(u − 1) with u = 1 − p, which
    /// is log(u) itself where 1 − p is exact (p ≥ ½) and −p where u rounds to 1.</summary>
    private static double LogOneMinus(double p)
    {
        var u = 1.0 - p;
        return u == 1.0 ? -p : Math.Log(u) * (-p / (u - 1.0));
    }

    private static void ValidateEpsilon(double epsilon)
    {
        if (!(epsilon > 0 && epsilon < 0.5))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must lie in (0, 0.5).");
    }
}
