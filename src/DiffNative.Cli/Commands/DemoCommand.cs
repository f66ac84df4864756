using System.CommandLine;
using System.Globalization;
using DiffNative.Cli.Output;
using DiffNative.MachineLearning;
using DiffNative.Optimization;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative demo</c>: a guided tour with real numbers, computed as it runs. Each
/// section shows a capability against the truth (closed forms) and against the textbook formula
/// a user would otherwise write, then the C# call and the <c>diffnative</c> command that give its
/// numbers (the tests run every command it prints and compare), and the page to read next.</summary>
internal static class DemoCommand
{
    internal static Command Create()
    {
        var command = new Command("demo", "A guided tour of DiffNative with real numbers (a few seconds).");
        command.SetAction(_ => Run());
        return command;
    }

    private static string F(double v) => v.ToString("G10", CultureInfo.InvariantCulture);
    private static string E(double v) => v.ToString("0.0e+0", CultureInfo.InvariantCulture);
    private static string N(long v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Where the samples of the sampled-data section are written, so that the grid
    /// command the demo prints can read them.</summary>
    internal static string SamplesPath => Path.Combine(Path.GetTempPath(), "diffnative-demo", "sin.csv");

    private static int Run()
    {
        var screen = Screen.Current;
        screen.Heading("DiffNative — derivatives you can trust, on a native SIMD core");
        var info = DiffNativeRuntime.Describe();
        screen.Markup($"native library {Spectre.Console.Markup.Escape(info.Version)}, active ISA [bold green]{info.ActiveIsa.ToName()}[/] " +
                      $"(available: {string.Join(", ", info.AvailableIsas.Select(i => i.ToName()))})");
        ScalarDerivative(screen);
        Hessian(screen);
        SampledData(screen);
        Optimisers(screen);
        MachineLearning(screen);
        WhereNext(screen);
        return ExitCodes.Success;
    }

    /// <summary>A row's numbers come from this command; the tests run it and compare.</summary>
    private sealed record Reproduction(string Row, string Command);

    /// <summary>The section's C# (a few lines that compile as they stand, in order across the
    /// sections, each section naming the namespace it first needs), its commands, and the page
    /// that says more.</summary>
    private static void HowTo(Screen screen, string[] csharp, Reproduction[] commands, string page)
    {
        const string indent = "    ";
        screen.Text("In C#:");
        screen.Verbatim(csharp.Select(line => indent + line), "grey");
        screen.Text("On the command line:");
        foreach (var (row, command) in commands)
        {
            screen.Verbatim([$"{indent}# the \"{row}\" row"], "grey");
            screen.Verbatim(CommandLines.Break(command, screen.Width - indent.Length).Select(line => indent + line), "bold");
        }
        screen.Text($"More: {page}");
    }

    private static void ScalarDerivative(Screen screen)
    {
        screen.BlankLine();
        screen.Heading("f′(2) of f(x) = x² + sin x");
        static double f(double x) => x * x + Math.Sin(x);
        var truth = 4 + Math.Cos(2);
        var table = new TextTable().AddColumn("method").AddColumn("value", rightAligned: true).AddColumn("true error", rightAligned: true)
            .AddColumn("estimate", rightAligned: true).AddColumn("evals", rightAligned: true);
        var textbook = (f(2 + 1e-7) - f(2)) / 1e-7;
        table.AddRow("textbook (f(x+h)−f(x))/h, h=1e-7", F(textbook), E(Math.Abs(textbook - truth)), "—", "2");
        foreach (var (name, options) in new (string, DerivativeOptions)[]
        {
            ("central, balanced h", new DerivativeOptions { Method = DerivativeMethod.Central }),
            ("central, accuracy 8", new DerivativeOptions { Method = DerivativeMethod.Central, Accuracy = 8 }),
            ("default: adaptive (Richardson)", DerivativeOptions.Default),
        })
        {
            var r = Differentiate.Derivative(f, 2.0, options);
            table.AddRow(name, F(r.Value), E(Math.Abs(r.Value - truth)), r.Error is { } e ? E(e) : "—", N(r.Evaluations));
        }
        var complex = Differentiate.Derivative(z => z * z + System.Numerics.Complex.Sin(z), 2.0, new DerivativeOptions { Method = DerivativeMethod.Complex });
        table.AddRow("complex step", F(complex.Value), E(Math.Abs(complex.Value - truth)), "—", "1");
        table.AddRow(new TextTable.Cell("truth: 4 + cos 2", "bold"), F(truth), "", "", "");
        screen.Write(table);
        var kink = Differentiate.Derivative(Math.Abs, 0.0);
        screen.Markup($"And at a kink: d|x|/dx at 0 → status [yellow]{kink.Status}[/], not a confident number.");
        HowTo(screen,
            [
                "using DiffNative;",
                "var r = Differentiate.Derivative(x => x * x + Math.Sin(x), 2.0);",
            ],
            [
                new("default: adaptive (Richardson)", "diffnative derive --expr \"x*x + sin(x)\" --at 2"),
                new("central, accuracy 8", "diffnative derive --expr \"x*x + sin(x)\" --at 2 --method central --accuracy 8"),
            ],
            "docs/functions.md (derivatives of functions)");
    }

    /// <summary>Rosenbrock's function as the demo's C# and commands write it: the same operations
    /// in the same order, so that both give the same bits.</summary>
    private static double Rosenbrock(ReadOnlySpan<double> p) => 100 * Math.Pow(p[1] - p[0] * p[0], 2) + Math.Pow(1 - p[0], 2);

    private static readonly string[] RosenbrockCSharp =
    [
        "ScalarFunction f = p =>",
        "    100 * Math.Pow(p[1] - p[0] * p[0], 2) + Math.Pow(1 - p[0], 2);",
    ];
    private const string RosenbrockExpression = "\"100*(y - x*x)^2 + (1 - x)^2\" --vars x,y --at -1.2,1";

    private static void Hessian(Screen screen)
    {
        screen.BlankLine();
        screen.Heading("Hessian of Rosenbrock f = 100(y − x²)² + (1 − x)² at (−1.2, 1)");
        double[] x = [-1.2, 1.0];
        double[] truth = [1200 * 1.44 - 400 + 2, 480, 480, 200];
        // The textbook four-point formula with h = 1e-7: (f(x+hᵢ+hⱼ) − f(x+hᵢ) − f(x+hⱼ) + f(x)) / h².
        const double h = 1e-7;
        var textbook = new double[4];
        for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
            {
                double[] pij = [.. x], pi = [.. x], pj = [.. x];
                pij[i] += h; pij[j] += h; pi[i] += h; pj[j] += h;
                textbook[i * 2 + j] = (Rosenbrock(pij) - Rosenbrock(pi) - Rosenbrock(pj) + Rosenbrock(x)) / (h * h);
            }
        var ours = Differentiate.Hessian(Rosenbrock, x);
        var adaptive = Differentiate.Hessian(Rosenbrock, x, new DifferentiationOptions { Adaptive = true });
        static double Worst(double[] a, double[] t) => a.Zip(t, (u, v) => Math.Abs(u - v)).Max() / t.Max(Math.Abs);
        var table = new TextTable().AddColumn("method").AddColumn("H₁₁", rightAligned: true)
            .AddColumn("H₁₂", rightAligned: true).AddColumn("H₂₂", rightAligned: true)
            .AddColumn("rel. error", rightAligned: true).AddColumn("evals", rightAligned: true);
        table.AddRow("textbook 4-point, h=1e-7", F(textbook[0]), F(textbook[1]), F(textbook[3]), E(Worst(textbook, truth)), "—");
        table.AddRow("default (ε^¼ steps)", F(ours.Values[0]), F(ours.Values[1]), F(ours.Values[3]), E(Worst(ours.Values, truth)), N(ours.Evaluations));
        table.AddRow("adaptive", F(adaptive.Values[0]), F(adaptive.Values[1]), F(adaptive.Values[3]), E(Worst(adaptive.Values, truth)), N(adaptive.Evaluations));
        table.AddRow(new TextTable.Cell("truth", "bold"), F(truth[0]), F(truth[1]), F(truth[3]), "", "");
        screen.Write(table);
        var gradient = Differentiate.Gradient(Rosenbrock, x);
        screen.Text($"Gradient: ({F(gradient.Values[0])}, {F(gradient.Values[1])}), truth (−215.6, −88), {gradient.Evaluations} evaluations.");
        HowTo(screen,
            [
                .. RosenbrockCSharp,
                "var hessian = Differentiate.Hessian(f, [-1.2, 1.0]);   // row by row",
            ],
            [
                new("default (ε^¼ steps)", $"diffnative hessian --expr {RosenbrockExpression}"),
                new("adaptive", $"diffnative hessian --expr {RosenbrockExpression} --method adaptive"),
            ],
            "docs/functions.md (gradients, Hessians, Jacobians), docs/sparse.md (sparse ones)");
    }

    private static void SampledData(Screen screen)
    {
        screen.BlankLine();
        screen.Heading("Sampled data: d/dx sin x from 1,000 samples on [0, 10]");
        const int n = 1000;
        var h = 10.0 / (n - 1);
        var y = Enumerable.Range(0, n).Select(i => Math.Sin(i * h)).ToArray();
        var table = new TextTable().AddColumn("stencil").AddColumn("max error", rightAligned: true);
        var d = new double[n];
        SampledDerivative.NumpyGradient(y, h, d, 1);
        table.AddRow("numpy.gradient (edge_order=1), same numbers", E(MaxError(d, h)));
        foreach (var accuracy in new[] { 2, 4, 8 })
        {
            SampledDerivative.Derivative(y, h, d, 1, accuracy);
            table.AddRow($"DiffNative, accuracy {accuracy}", E(MaxError(d, h)));
        }
        screen.Write(table);
        var written = WriteSamples(y);
        HowTo(screen,
            [
                "var h = 10.0 / 999;",
                "var y = Enumerable.Range(0, 1000).Select(i => Math.Sin(i * h)).ToArray();",
                "var dy = new double[y.Length];",
                "SampledDerivative.Derivative(y, h, dy, order: 1, accuracy: 8);",
            ],
            written is null
                ? [new("DiffNative, accuracy 8", $"diffnative grid --input {SamplesPath} --y sin --spacing {h.ToString("R", CultureInfo.InvariantCulture)} --accuracy 8")]
                : [],
            "docs/sampled.md (grids, N-D arrays, numpy.gradient)");
        if (written is not null) screen.Text($"(The samples for the grid command could not be written: {written})");

        static double MaxError(double[] d, double h) => d.Select((v, i) => Math.Abs(v - Math.Cos(i * h))).Max();
    }

    /// <returns>Null when the samples are at <see cref="SamplesPath"/>, else why not.</returns>
    private static string? WriteSamples(double[] y)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(SamplesPath)!);
            SampleTable.Write(SamplesPath, "sin", y);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static void Optimisers(Screen screen)
    {
        screen.BlankLine();
        screen.Heading("Minimising Rosenbrock from (−1.2, 1), numerical derivatives");
        var table = new TextTable().AddColumn("--method").AddColumn("iterations", rightAligned: true)
            .AddColumn("f evaluations", rightAligned: true).AddColumn("f at the end", rightAligned: true).AddColumn("stopped on");
        foreach (var name in new[] { "gd", "adam", "newton", "bfgs", "lbfgs" })
        {
            var r = Optimize.Minimize(Rosenbrock, [-1.2, 1.0], new OptimizerOptions { Method = MinimizeCommand.ParseMethod(name), MaxIterations = 20_000 });
            table.AddRow(name, N(r.Iterations), N(r.FunctionEvaluations), E(r.Value), MinimizeCommand.ReasonName(r.Reason));
        }
        screen.Write(table);
        HowTo(screen,
            [
                "using DiffNative.Optimization;",
                "var m = Optimize.Minimize(f, [-1.2, 1.0], new OptimizerOptions",
                "    { Method = OptimizationMethod.Bfgs, MaxIterations = 20_000 });",
            ],
            [new("bfgs", $"diffnative minimize --expr {RosenbrockExpression} --method bfgs --max-iter 20000")],
            "docs/optimisers.md");
    }

    private static void MachineLearning(Screen screen)
    {
        screen.BlankLine();
        screen.Heading("Activations, losses and a gradient check");
        double[] x = [-1000, -2, 0, 2, 1000];
        var table = new TextTable().AddColumn("x");
        foreach (var v in x) table.AddColumn(F(v), rightAligned: true);
        foreach (var (name, activation) in new[] { ("sigmoid", Activation.Sigmoid), ("softplus", Activation.Softplus), ("GELU", Activation.Gelu) })
        {
            double[] value = new double[x.Length], derivative = new double[x.Length];
            activation.ApplyWithDerivative(x, value, derivative);
            table.AddRow([name, .. value.Select(v => (TextTable.Cell)F(v))]);
            table.AddRow([name + "′", .. derivative.Select(v => (TextTable.Cell)F(v))]);
        }
        screen.Write(table);

        // A one-layer network y = tanh(W·u) with mean squared error, and its hand-written backward
        // pass, checked against DiffNative's finite differences of the loss in the weights.
        double[] u = [0.5, -1.0, 2.0], target = [0.1, -0.3];
        double Loss(ReadOnlySpan<double> w)
        {
            Span<double> z = stackalloc double[2], y = stackalloc double[2];
            for (var k = 0; k < 2; k++) z[k] = w[3 * k] * u[0] + w[3 * k + 1] * u[1] + w[3 * k + 2] * u[2];
            Activation.Tanh.Apply(z, y);
            return Losses.MeanSquaredError(y, target);
        }
        void Backward(ReadOnlySpan<double> w, Span<double> gradient)
        {
            Span<double> z = stackalloc double[2], y = stackalloc double[2], dy = stackalloc double[2], dz = stackalloc double[2];
            for (var k = 0; k < 2; k++) z[k] = w[3 * k] * u[0] + w[3 * k + 1] * u[1] + w[3 * k + 2] * u[2];
            Activation.Tanh.Apply(z, y);
            Losses.MeanSquaredError(y, target, dy);
            Activation.Tanh.Backward(z, dy, dz);
            for (var k = 0; k < 2; k++)
                for (var i = 0; i < 3; i++) gradient[3 * k + i] = dz[k] * u[i];
        }
        double[] weights = [0.2, -0.1, 0.05, 0.3, 0.4, -0.2];
        var report = GradientCheck.Gradient(Loss, Backward, weights);
        screen.Markup($"Gradient check of a tanh layer with MSE (GradientCheck.Gradient(loss, backward, weights)): " +
                      $"{(report.Passed ? "[green]passed[/]" : "[red]failed[/]")}, {report.Checked} weights, " +
                      $"largest relative error {E(report.MaxRelativeError)}.");
        HowTo(screen,
            [
                "using DiffNative.MachineLearning;",
                "double[] xs = [-1000, -2, 0, 2, 1000];",
                "double[] value = new double[5], slope = new double[5];",
                "Activation.Sigmoid.ApplyWithDerivative(xs, value, slope);",
            ],
            [new("sigmoid′", "diffnative derive --expr \"sigmoid(x)\" --at 2")],
            "docs/machine-learning.md");
    }

    private static void WhereNext(Screen screen)
    {
        screen.BlankLine();
        screen.Heading("Where to go next");
        screen.Text("The pages are in the docs folder of the DiffNative sources:");
        var table = new TextTable().AddColumn("topic").AddColumn("page");
        table.AddRow("derivatives, gradients, Jacobians, Hessians", "docs/functions.md");
        table.AddRow("sparse Jacobians and Hessians, colouring", "docs/sparse.md");
        table.AddRow("derivatives of sampled data, grids, numpy.gradient", "docs/sampled.md");
        table.AddRow("optimisers", "docs/optimisers.md");
        table.AddRow("activations, losses, gradient checks, a small network", "docs/machine-learning.md");
        table.AddRow("speed", "docs/performance.md");
        table.AddRow("how the native core is built and chosen", "docs/design.md");
        table.AddRow("the diffnative command", "docs/cli.md");
        table.AddRow("what bad input gets", "docs/bad-input.md");
        screen.Write(table);
        screen.Text("The tool itself: diffnative --help lists the verbs, diffnative help VERB explains one, " +
                    "diffnative help expressions gives the expression syntax; diffnative check tests every " +
                    "native kernel against the managed reference on this machine, and " +
                    "diffnative bench --chart bench.png times them.");
    }
}
