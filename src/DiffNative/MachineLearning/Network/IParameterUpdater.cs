namespace DiffNative;

/// <summary>One optimiser step per mini-batch: moves a flat parameter vector by a rule of its
/// gradient and the updater's memory (velocities, moment estimates). One instance per parameter
/// vector; not thread-safe (it owns that memory).</summary>
public interface IParameterUpdater
{
    /// <summary>How many parameters the updater's memory is sized for.</summary>
    int Count { get; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradient"/>
    /// (both <see cref="Count"/> long). Allocates nothing.</summary>
    void Step(Span<double> parameters, ReadOnlySpan<double> gradient);
}
