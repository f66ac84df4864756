using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace DiffNative.Cli.Commands;

/// <summary><c>diffnative demo</c>: a guided tour with real numbers, computed as it runs. Each
/// section shows a capability against the truth (closed forms) and against the textbook formula
/// a user would otherwise write.</summary>
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

    private static int Run()
    {
        AnsiConsole.Write(new Rule("[bold]DiffNative[/] — derivatives you can trust, on a native SIMD core").LeftJustified());
        var info = DiffNativeRuntime.Describe();
        AnsiConsole.MarkupLine($"native library {Markup.Escape(info.Version)}, active ISA [bold green]{info.ActiveIsa.ToName()}[/] " +
                               $"(available: {string.Join(", ", info.AvailableIsas.Select(i => i.ToName()))})");
        ScalarDerivative();
        Hessian();
        SampledData();
        Optimisers();
        MachineLearning();
        AnsiConsole.MarkupLine("\nMore: [bold]diffnative check[/] cross-checks every native kernel against the managed reference on this machine.");
        return ExitCodes.Success;
    }

    private static void ScalarDerivative()
    {
        AnsiConsole.Write(new Rule("f′(2) of f(x) = x² + sin x").LeftJustified());
        static double f(double x) => x * x + Math.Sin(x);
        var truth = 4 + Math.Cos(2);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("method").AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("true error").RightAligned())
            .AddColumn(new TableColumn("estimate").RightAligned()).AddColumn(new TableColumn("evals").RightAligned());
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
            table.AddRow(name, F(r.Value), E(Math.Abs(r.Value - truth)), r.Error is { } e ? E(e) : "—", r.Evaluations.ToString(CultureInfo.InvariantCulture));
        }
        var complex = Differentiate.Derivative(z => z * z + System.Numerics.Complex.Sin(z), 2.0, new DerivativeOptions { Method = DerivativeMethod.Complex });
        table.AddRow("complex step", F(complex.Value), E(Math.Abs(complex.Value - truth)), "—", "1");
        table.AddRow("[bold]truth: 4 + cos 2[/]", F(truth), "", "", "");
        AnsiConsole.Write(table);
        var kink = Differentiate.Derivative(Math.Abs, 0.0);
        AnsiConsole.MarkupLine($"And at a kink: d|x|/dx at 0 → status [yellow]{kink.Status}[/], not a confident number.");
    }

    private static void Hessian()
    {
        AnsiConsole.Write(new Rule("Hessian of Rosenbrock f = 100(y − x²)² + (1 − x)² at (−1.2, 1)").LeftJustified());
        static double Rosenbrock(ReadOnlySpan<double> p) => 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0]);
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
        var table = new Table().Border(TableBorder.Rounded).AddColumn("method").AddColumn(new TableColumn("H₁₁").RightAligned())
            .AddColumn(new TableColumn("H₁₂").RightAligned()).AddColumn(new TableColumn("H₂₂").RightAligned())
            .AddColumn(new TableColumn("rel. error").RightAligned()).AddColumn(new TableColumn("evals").RightAligned());
        table.AddRow("textbook 4-point, h=1e-7", F(textbook[0]), F(textbook[1]), F(textbook[3]), E(Worst(textbook, truth)), "—");
        table.AddRow("default (ε^¼ steps)", F(ours.Values[0]), F(ours.Values[1]), F(ours.Values[3]), E(Worst(ours.Values, truth)), ours.Evaluations.ToString(CultureInfo.InvariantCulture));
        table.AddRow("adaptive", F(adaptive.Values[0]), F(adaptive.Values[1]), F(adaptive.Values[3]), E(Worst(adaptive.Values, truth)), adaptive.Evaluations.ToString(CultureInfo.InvariantCulture));
        table.AddRow("[bold]truth[/]", F(truth[0]), F(truth[1]), F(truth[3]), "", "");
        AnsiConsole.Write(table);
        var gradient = Differentiate.Gradient(Rosenbrock, x);
        AnsiConsole.MarkupLine($"Gradient: ({F(gradient.Values[0])}, {F(gradient.Values[1])}), truth (−215.6, −88), {gradient.Evaluations} evaluations.");
    }

    private static void Optimisers()
    {
        AnsiConsole.Write(new Rule("Minimising Rosenbrock from (−1.2, 1), numerical derivatives").LeftJustified());
        static double Rosenbrock(ReadOnlySpan<double> p) => 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]) + (1 - p[0]) * (1 - p[0]);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("method").AddColumn(new TableColumn("iterations").RightAligned())
            .AddColumn(new TableColumn("f evaluations").RightAligned()).AddColumn(new TableColumn("f at the end").RightAligned()).AddColumn("stopped");
        foreach (var method in new[] { OptimizationMethod.GradientDescent, OptimizationMethod.Adam, OptimizationMethod.Newton, OptimizationMethod.Bfgs, OptimizationMethod.Lbfgs })
        {
            var r = Optimize.Minimize(Rosenbrock, [-1.2, 1.0], new OptimizerOptions { Method = method, MaxIterations = 20_000 });
            table.AddRow(method.ToString(), r.Iterations.ToString(CultureInfo.InvariantCulture), r.FunctionEvaluations.ToString(CultureInfo.InvariantCulture),
                E(r.Value), r.Reason.ToString());
        }
        AnsiConsole.Write(table);
    }

    private static void MachineLearning()
    {
        AnsiConsole.Write(new Rule("Activations, losses and a gradient check").LeftJustified());
        double[] x = [-1000, -2, 0, 2, 1000];
        var table = new Table().Border(TableBorder.Rounded).AddColumn("x");
        foreach (var v in x) table.AddColumn(new TableColumn(F(v)).RightAligned());
        foreach (var (name, activation) in new[] { ("sigmoid", Activation.Sigmoid), ("softplus", Activation.Softplus), ("GELU", Activation.Gelu) })
        {
            double[] value = new double[x.Length], derivative = new double[x.Length];
            activation.ApplyWithDerivative(x, value, derivative);
            table.AddRow([name, .. value.Select(F)]);
            table.AddRow([name + "′", .. derivative.Select(F)]);
        }
        AnsiConsole.Write(table);

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
        AnsiConsole.MarkupLine($"Gradient check of a tanh layer with MSE: {(report.Passed ? "[green]passed[/]" : "[red]failed[/]")}, " +
                               $"{report.Checked} weights, largest relative error {E(report.MaxRelativeError)}.");
    }

    private static void SampledData()
    {
        AnsiConsole.Write(new Rule("Sampled data: d/dx sin x from 1,000 samples on [[0, 10]]").LeftJustified());
        const int n = 1000;
        var h = 10.0 / (n - 1);
        var y = Enumerable.Range(0, n).Select(i => Math.Sin(i * h)).ToArray();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("stencil").AddColumn(new TableColumn("max error").RightAligned());
        var d = new double[n];
        SampledDerivative.NumpyGradient(y, h, d, 1);
        table.AddRow("numpy.gradient (edge_order=1), same numbers", E(MaxError(d, h)));
        foreach (var accuracy in new[] { 2, 4, 8 })
        {
            SampledDerivative.Derivative(y, h, d, 1, accuracy);
            table.AddRow($"DiffNative, accuracy {accuracy}", E(MaxError(d, h)));
        }
        AnsiConsole.Write(table);

        static double MaxError(double[] d, double h) => d.Select((v, i) => Math.Abs(v - Math.Cos(i * h))).Max();
    }
}
