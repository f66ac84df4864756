using DiffNative.Tests.Support;

namespace DiffNative.Tests.Properties;

/// <summary>A stretch of one of a call's arrays: an input it reads or an output it writes.
/// Inputs and outputs may share an array, which is how overlapping spans are made.</summary>
internal sealed record Region(int Array, int Offset, int Length)
{
    internal Span<double> Of(double[][] arrays) => arrays[Array].AsSpan(Offset, Length);

    internal bool Meets(Region other) =>
        Array == other.Array && Offset < other.Offset + other.Length && other.Offset < Offset + Length;
}

/// <summary>The promises every entry point makes, checked on one call: it returns, or throws an
/// <see cref="ArgumentException"/> naming one of its parameters (or option properties), an
/// <see cref="OperationCanceledException"/>, or the user function's own exception, and nothing
/// else; after a throw every array is as it was, bit for bit; after a return its inputs are as
/// they were; and every backend (managed, native, native on each ISA this CPU runs) gives the
/// same outcome: the same exception type and parameter, or the same bits.</summary>
internal static class Contract
{
    /// <summary>Every backend this machine runs, the managed reference first.</summary>
    internal static readonly Backend[] AllBackends = Backends.All().Select(b => (Backend)b[0]).ToArray();

    /// <summary>For entry points that take no backend: one call.</summary>
    internal static readonly Backend[] OneCall = [Backend.Managed];

    /// <summary>The outcome on the first backend (the managed reference).</summary>
    internal sealed record Outcome(Exception? Error, double[][] Arrays);

    /// <summary>Calls <paramref name="call"/> on a fresh copy of <paramref name="arrays"/> once
    /// per backend and checks the promises above.</summary>
    /// <param name="names">The parameter and option names an ArgumentException may give.</param>
    /// <param name="own">The user function's own exception object, which may come through.</param>
    /// <param name="untouchedOnError">False only while a known defect leaves outputs written on
    /// an argument error; the test that holds the defect says so.</param>
    /// <param name="untouchedOnFault">Whether outputs must also be untouched when the user
    /// function throws or cancels halfway: not promised today (DifferentiateKeptCases).</param>
    internal static Outcome Check(double[][] arrays, Region[] inputs, Region[] outputs, string[] names,
        Action<double[][], Backend> call, Exception? own = null, Backend[]? backends = null, bool untouchedOnError = true,
        bool untouchedOnFault = true)
    {
        Outcome? first = null;
        var firstBackend = default(Backend);
        foreach (var backend in backends ?? AllBackends)
        {
            var copy = arrays.Select(a => (double[])a.Clone()).ToArray();
            var error = Capture(() => call(copy, backend));
            if (error is not null)
                AssertAllowed(error, names, own, backend);
            var fault = error is OperationCanceledException || (own is not null && ReferenceEquals(error, own));
            if (error is not null && (fault ? untouchedOnFault : untouchedOnError))
            {
                for (var a = 0; a < arrays.Length; a++)
                    Bits.AssertIdentical(arrays[a], copy[a], $"{backend}: array {a} changed by a call that threw {error.GetType().Name} ({error.Message})");
            }
            else
            {
                foreach (var input in inputs.Where(i => !outputs.Any(o => o.Meets(i))))
                    Bits.AssertIdentical(input.Of(arrays), input.Of(copy), $"{backend}: input {input} changed by a call");
            }
            if (first is null)
            {
                first = new Outcome(error, copy);
                firstBackend = backend;
                continue;
            }
            AssertAgree(first, firstBackend, error, copy, backend, outputs);
        }
        return first!;
    }

    /// <summary>Runs the call and returns what it threw, or null.</summary>
    internal static Exception? Capture(Action call)
    {
        try
        {
            call();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    internal static void AssertAllowed(Exception error, string[] names, Exception? own, Backend backend)
    {
        if (own is not null && ReferenceEquals(error, own)) return;
        switch (error)
        {
            case OperationCanceledException:
                return;
            case ArgumentException argument:
                Assert.True(argument.ParamName is not null && names.Contains(argument.ParamName),
                    $"{backend}: {error.GetType().Name} names '{argument.ParamName ?? "nothing"}', expected one of {string.Join(", ", names)}: {error.Message}");
                return;
            default:
                Assert.Fail($"{backend}: {error.GetType().FullName} is not an argument error, a cancellation or the function's own exception: {error}");
                return;
        }
    }

    private static void AssertAgree(Outcome first, Backend firstBackend, Exception? error, double[][] arrays, Backend backend, Region[] outputs)
    {
        if (first.Error is null != error is null)
            Assert.Fail($"{firstBackend} {(first.Error is null ? "returned" : "threw " + first.Error.GetType().Name + ": " + first.Error.Message)}, " +
                        $"but {backend} {(error is null ? "returned" : "threw " + error.GetType().Name + ": " + error.Message)}");
        if (error is not null)
        {
            Assert.True(first.Error!.GetType() == error.GetType() && (first.Error as ArgumentException)?.ParamName == (error as ArgumentException)?.ParamName,
                $"{firstBackend} threw {first.Error.GetType().Name} ({(first.Error as ArgumentException)?.ParamName}), {backend} threw {error.GetType().Name} ({(error as ArgumentException)?.ParamName})");
            return;
        }
        foreach (var output in outputs)
            Bits.AssertSame(output.Of(first.Arrays).ToArray(), output.Of(arrays).ToArray(), $"{backend} against {firstBackend}, output {output}");
    }

    /// <summary>Distinct finite values that no kernel computes by accident, to fill outputs with.</summary>
    internal static double[] Sentinels(int length)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++) values[i] = -7.0e-77 * (i + 3);
        return values;
    }

    /// <summary>One input and one output, separate or overlapping as <paramref name="placement"/>
    /// says, the later one starting up to the longer one's length after the other (overlap needs
    /// both non-empty; otherwise they are separate).</summary>
    internal static (double[][] Arrays, Region Input, Region Output) Place(double[] input, int outputLength, Inputs.Placement placement, int shift)
    {
        outputLength = Math.Max(0, outputLength);
        if (placement == Inputs.Placement.Separate || input.Length == 0 || outputLength == 0)
            return ([input, Sentinels(outputLength)], new Region(0, 0, input.Length), new Region(1, 0, outputLength));
        var s = placement == Inputs.Placement.SameStart ? 0 : 1 + Math.Abs(shift) % Math.Max(input.Length, outputLength);
        var inputStart = placement == Inputs.Placement.ShiftedLeft ? s : 0;
        var outputStart = placement == Inputs.Placement.ShiftedRight ? s : 0;
        var shared = Sentinels(Math.Max(inputStart + input.Length, outputStart + outputLength));
        input.CopyTo(shared, inputStart);
        return ([shared], new Region(0, inputStart, input.Length), new Region(0, outputStart, outputLength));
    }
}
