namespace DiffNative.Tests.Cli;

/// <summary>Gradients, Hessians and Jacobians name their rows and columns: variables by the names
/// --vars gives, a Jacobian's rows f0, f1, … in the order of the expressions.</summary>
public class MatrixLabelTests
{
    private static string[][] Rows(CliRunner.Result result)
    {
        Assert.True(result.ExitCode == 0, result.Stderr);
        return result.Stdout.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 0).ToArray();
    }

    [Fact]
    public void Gradient_rows_are_the_variables()
    {
        // f = alpha²·beta: ∂f/∂alpha = 2·alpha·beta = 12, ∂f/∂beta = alpha² = 4 at (2, 3).
        var rows = Rows(CliRunner.Run(null, "gradient", "--expr", "alpha^2*beta", "--vars", "alpha,beta", "--at", "2,3"));
        Assert.Contains(rows, r => r is ["alpha", var v] && Math.Abs(double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) - 12) < 1e-6);
        Assert.Contains(rows, r => r is ["beta", var v] && Math.Abs(double.Parse(v, System.Globalization.CultureInfo.InvariantCulture) - 4) < 1e-6);
    }

    [Fact]
    public void Hessian_rows_and_columns_are_the_variables()
    {
        // f = alpha²·beta: f_αα = 2β = 6, f_αβ = 2α = 4, f_ββ = 0 at (2, 3).
        var rows = Rows(CliRunner.Run(null, "hessian", "--expr", "alpha^2*beta", "--vars", "alpha,beta", "--at", "2,3"));
        Assert.Contains(rows, r => r is ["alpha", "beta"]);
        AssertRow(rows, "alpha", 6, 4);
        AssertRow(rows, "beta", 4, 0);
    }

    [Fact]
    public void Jacobian_columns_are_the_variables_and_rows_the_expressions()
    {
        // f0 = x·y → (y, x) = (2, 1), f1 = x + y → (1, 1) at (1, 2).
        var result = CliRunner.Run(null, "jacobian", "--expr", "x*y; x + y", "--vars", "x,y", "--at", "1,2");
        var rows = Rows(result);
        Assert.Contains("f0 = x*y; f1 = x + y", result.Stdout);
        Assert.Contains(rows, r => r is ["x", "y"]);
        AssertRow(rows, "f0", 2, 1);
        AssertRow(rows, "f1", 1, 1);
    }

    private static void AssertRow(string[][] rows, string label, params double[] expected)
    {
        var row = Assert.Single(rows, r => r[0] == label && r.Length == expected.Length + 1);
        for (var i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], double.Parse(row[i + 1], System.Globalization.CultureInfo.InvariantCulture), 1e-6);
    }
}
