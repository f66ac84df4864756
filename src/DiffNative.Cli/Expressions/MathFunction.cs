using System.Numerics;
using System.Reflection;

namespace DiffNative.Cli.Expressions;

/// <summary>A function of one argument the language knows: its real implementation and, when it
/// has one, its complex one; otherwise why the complex-step method cannot use it.</summary>
internal sealed class MathFunction
{
    private MathFunction(string name, MethodInfo real, MethodInfo? complex, string? whyNotComplex)
    {
        Name = name;
        Real = real;
        Complex = complex;
        WhyNotComplex = whyNotComplex;
    }

    internal string Name { get; }

    /// <summary>A static double → double method.</summary>
    internal MethodInfo Real { get; }

    /// <summary>A static Complex → Complex method, analytic and agreeing with <see cref="Real"/> on
    /// the real axis; null when there is none.</summary>
    internal MethodInfo? Complex { get; }

    /// <summary>Completes "NAME at column N …" when <see cref="Complex"/> is null.</summary>
    internal string? WhyNotComplex { get; }

    internal static MathFunction Analytic(string name, Func<double, double> real, Func<Complex, Complex> complex) =>
        new(name, real.Method, complex.Method, null);

    internal static MathFunction NotAnalytic(string name, Func<double, double> real) =>
        new(name, real.Method, null, " is not analytic");

    internal static MathFunction RealOnly(string name, Func<double, double> real) =>
        new(name, real.Method, null, " is not implemented over the complex numbers");
}
