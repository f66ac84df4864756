using System.Numerics;

namespace DiffNative.MachineLearning;

/// <summary>One optimiser step per mini-batch: moves a flat parameter vector of
/// <typeparamref name="T"/> by a rule of its gradient and the updater's memory (velocities, moment
/// estimates). One instance per parameter vector; not thread-safe (it owns that memory).</summary>
/// <typeparam name="T">The parameters' element type: double or float.</typeparam>
public interface IParameterUpdater<T> where T : struct, IFloatingPointIeee754<T>
{
    /// <summary>How many parameters the updater's memory is sized for.</summary>
    int Count { get; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradient"/>
    /// (both <see cref="Count"/> long). Allocates nothing.</summary>
    void Step(Span<T> parameters, ReadOnlySpan<T> gradient);
}

/// <summary>An updater of double parameters (<see cref="IParameterUpdater{T}"/> of double), as
/// <see cref="ParameterUpdater"/>'s double methods build them.</summary>
public interface IParameterUpdater : IParameterUpdater<double>
{
}
