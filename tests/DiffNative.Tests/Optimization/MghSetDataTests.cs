using System.Globalization;
using System.Text.Json;
using DiffNative.Tests.Support;

namespace DiffNative.Tests.Optimization;

/// <summary>The C# Moré–Garbow–Hillstrom set (<see cref="MghSet"/>) against TestData/mgh_set.json,
/// whose values come from residuals written independently in generate_mgh_set.py and evaluated at
/// 40 digits: sizes, starts, F(x0), F at the published minimisers, and the minima themselves.</summary>
public class MghSetDataTests
{
    private static readonly Dictionary<string, JsonElement> Json = LoadJson();

    private static Dictionary<string, JsonElement> LoadJson()
    {
        using var doc = TestData.Load("mgh_set.json");
        return doc.RootElement.GetProperty("problems").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.Clone());
    }

    public static TheoryData<string> Ids() => [.. MghSet.All.Select(p => p.Id)];

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void The_set_holds_at_least_26_of_the_35_problems_and_the_six_earlier_ids()
    {
        var numbers = MghSet.All.Select(p => p.Number).Distinct().ToArray();
        Assert.True(numbers.Length >= 26, $"{numbers.Length} problems");
        Assert.All(numbers, n => Assert.InRange(n, 1, 35));
        Assert.Equal(MghSet.All.Count, MghSet.All.Select(p => p.Id).Distinct().Count());
        foreach (var id in new[] { "rosenbrock", "extended_rosenbrock_10", "extended_rosenbrock_100", "beale", "helical_valley", "powell_singular", "wood" })
            Assert.Contains(MghSet.All, p => p.Id == id);
        Assert.Equal(Json.Keys.Order(), MghSet.All.Select(p => p.Id).Order());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Sizes_and_start_are_as_published(string id)
    {
        var problem = MghSet.Get(id);
        var json = Json[id];
        Assert.Equal(json.GetProperty("mgh_number").GetInt32(), problem.Number);
        Assert.Equal(json.GetProperty("n").GetInt32(), problem.N);
        Assert.Equal(json.GetProperty("m").GetInt32(), problem.M);
        Assert.Equal(json.GetProperty("x0").EnumerateArray().Select(e => e.GetDouble()), problem.X0);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_residuals_write_exactly_m_values(string id)
    {
        var problem = MghSet.Get(id);
        var r = Enumerable.Repeat(double.NaN, problem.M + 1).ToArray();

        problem.Residuals(problem.X0, r);

        Assert.All(r[..problem.M], v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsNaN(r[problem.M]), "wrote past m");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_value_at_the_start_matches_the_40_digit_value(string id)
    {
        var problem = MghSet.Get(id);
        var expected = Parse(Json[id].GetProperty("F_x0_40digits").GetString()!);

        var actual = problem.Value(problem.X0);

        Assert.True(Math.Abs(actual - expected) <= 1e-13 * Math.Abs(expected), $"F(x0) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_minima_are_the_published_ones_refined(string id)
    {
        var problem = MghSet.Get(id);
        var published = Json[id].GetProperty("minima").EnumerateArray().ToArray();
        Assert.Equal(published.Length, problem.Minima.Length);
        for (var k = 0; k < published.Length; k++)
        {
            var refined = Parse(published[k].GetProperty("F_refined_40digits").GetString()!);
            var actual = problem.Minima[k].F;
            Assert.True(Math.Abs(actual - refined) <= 1e-15 * refined, $"minimum {k}: {actual:R}, refined {refined:R}");
            Assert.True(Math.Abs(actual - refined) <= PublishedUnit(published[k].GetProperty("F").GetString()!), $"minimum {k}: {actual:R} against the published digits");
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_value_at_a_published_minimiser_has_the_published_minimum(string id)
    {
        var problem = MghSet.Get(id);
        var published = Json[id].GetProperty("minima").EnumerateArray().ToArray();
        for (var k = 0; k < published.Length; k++)
        {
            if (!published[k].TryGetProperty("x", out var x)) continue;
            var point = x.EnumerateArray().Select(e => Parse(e.GetString()!)).ToArray();
            Assert.Equal(point, problem.Minima[k].X);
            var text = published[k].GetProperty("F").GetString()!;
            var f = problem.Value(point);
            // A zero minimum at a point given in doubles is zero up to rounding in the residuals.
            var tolerance = text == "0" ? 1e-20 : PublishedUnit(text);
            Assert.True(Math.Abs(f - ExactOrDecimal(text)) <= tolerance, $"F(x*) = {f:R}, published {text}");
        }
    }

    /// <summary>One unit in the last digit the paper prints (it truncates: "48.9842..."); 0 for exact values.</summary>
    private static double PublishedUnit(string text)
    {
        if (text.Contains('/') || !text.Contains('.') && !text.Contains('e')) return 0;
        var parts = text.Split('e');
        var decimals = parts[0].Contains('.') ? parts[0].Split('.')[1].Length : 0;
        var exponent = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        return Math.Pow(10, exponent - decimals);
    }

    private static double ExactOrDecimal(string text) => text.Split('/') is [var a, var b] ? Parse(a) / Parse(b) : Parse(text);
}
