using System.Numerics;
using System.Reflection;

namespace DiffNative.Cli.Expressions;

/// <summary>A function of one argument the language knows: its real implementation and, when it
/// has one, its complex one; otherwise why the complex-step method cannot use it.</summary>
internal sealed class MathFunction
{
    private MathFunction(string name, string meaning, MethodInfo real, MethodInfo? complex, string? whyNotComplex)
    {
        Name = name;
        Meaning = meaning;
        Real = real;
        Complex = complex;
        WhyNotComplex = whyNotComplex;
    }

    internal string Name { get; }

    /// <summary>What it computes, in a few words, for <c>diffnative help expressions</c>.</summary>
    internal string Meaning { get; }

    /// <summary>A static double → double method.</summary>
    internal MethodInfo Real { get; }

    /// <summary>A static Complex → Complex method, analytic and agreeing with <see cref="Real"/> on
    /// the real axis; null when there is none.</summary>
    internal MethodInfo? Complex { get; }

    /// <summary>Completes "NAME at column N …" when <see cref="Complex"/> is null.</summary>
    internal string? WhyNotComplex { get; }

    /// <summary>Whether <c>--method complex</c> can differentiate through it, and if not why, in a
    /// few words for the help.</summary>
    internal string ComplexStep => Complex is not null ? "yes" : WhyNotComplex == NotAnalyticReason ? "no (not analytic)" : "no (real only)";

    private const string NotAnalyticReason = " is not analytic";

    internal static MathFunction Analytic(string name, string meaning, Func<double, double> real, Func<Complex, Complex> complex) =>
        new(name, meaning, real.Method, complex.Method, null);

    internal static MathFunction NotAnalytic(string name, string meaning, Func<double, double> real) =>
        new(name, meaning, real.Method, null, NotAnalyticReason);

    internal static MathFunction RealOnly(string name, string meaning, Func<double, double> real) =>
        new(name, meaning, real.Method, null, " is not implemented over the complex numbers");
}
