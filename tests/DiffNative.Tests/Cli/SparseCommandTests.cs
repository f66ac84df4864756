using System.Text.Json;

namespace DiffNative.Tests.Cli;

public class SparseCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        var result = CliRunner.Run(null, [.. args, "--json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static double[][] Matrix(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    [Fact]
    public void Sparse_jacobian_colours_the_expressions_variables_and_matches_the_dense_layout()
    {
        string[] args = ["jacobian", "--expr", "x^2 - y; y*z; sin(z)", "--vars", "x,y,z", "--at", "1,2,3"];
        var dense = Json(args);
        var sparse = Json([.. args, "--sparse"]);
        Assert.Equal(Matrix(dense, "jacobian"), Matrix(sparse, "jacobian"));
        // Rows {x, y}, {y, z}, {z}: x and z never share a row, so two colours, 2 × 2 central evaluations.
        Assert.Equal(2, sparse.GetProperty("colors").GetInt32());
        Assert.Equal(4, sparse.GetProperty("evaluations").GetInt32());
        Assert.Equal(7, dense.GetProperty("evaluations").GetInt32()); // 2n, and f(x) for the dense step check
    }

    [Fact]
    public void Sparse_hessian_couples_only_variables_of_one_term()
    {
        string[] args = ["hessian", "--expr", "x*y + sin(z) + z*w", "--vars", "x,y,z,w", "--at", "1,2,3,4"];
        var dense = Json(args);
        var sparse = Json([.. args, "--sparse"]);
        Assert.Equal(Matrix(dense, "hessian")[0][1], Matrix(sparse, "hessian")[0][1]);
        Assert.Equal(Matrix(dense, "hessian")[2][3], Matrix(sparse, "hessian")[2][3]);
        Assert.Equal(0.0, Matrix(sparse, "hessian")[0][2]);
        // Pairs (x, y) and (z, w): 1 + 2·4 + 4·2 evaluations instead of 2·4² + 1.
        Assert.Equal(17, sparse.GetProperty("evaluations").GetInt32());
        Assert.False(sparse.TryGetProperty("colors", out _));
    }

    [Fact]
    public void Sparse_adaptive_hessian_gives_the_dense_adaptive_values_and_errors_on_the_pattern()
    {
        string[] args = ["hessian", "--expr", "x*y + sin(z) + z*w", "--vars", "x,y,z,w", "--at", "1,2,3,4", "--method", "adaptive"];
        var dense = Json(args);
        var sparse = Json([.. args, "--sparse"]);
        var errors = Matrix(sparse, "errors");
        foreach (var (i, j) in new[] { (0, 0), (0, 1), (1, 0), (2, 2), (2, 3), (3, 3) })
        {
            Assert.Equal(Matrix(dense, "hessian")[i][j], Matrix(sparse, "hessian")[i][j]);
            Assert.True(errors[i][j] >= 0 && errors[i][j] < 1e-6, $"({i}, {j}): {errors[i][j]}");
        }
        Assert.Equal(0.0, errors[0][2]);
        // 6 levels of 1 + 2·4 + 4·2 evaluations.
        Assert.Equal(6 * 17, sparse.GetProperty("evaluations").GetInt32());
    }
}
