using System.Globalization;
using DiffNative.Cli.Expressions;

namespace DiffNative.Tests.Expressions;

/// <summary>The CLI's comma-separated value lists (--at, --step, ...).</summary>
public class ValueListTests
{
    [Theory]
    [InlineData("-1.2,1", new[] { -1.2, 1.0 })]
    [InlineData("-700", new[] { -700.0 })]
    [InlineData("1e-06", new[] { 1e-06 })]
    [InlineData("1E+3,-.5,+2", new[] { 1000.0, -0.5, 2.0 })]
    [InlineData(" 1 , 2\t,3 ", new[] { 1.0, 2.0, 3.0 })]
    [InlineData("0.1,0.2,0.3", new[] { 0.1, 0.2, 0.3 })]
    public void Values_are_read_in_order(string text, double[] expected) =>
        Assert.Equal(expected, ValueList.ParseValues(text, "--at"));

    [Fact]
    public void Values_do_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal([1.5, -2.25], ValueList.ParseValues("1.5,-2.25", "--at"));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("1,2x", "--at: '2x' is not a number (item 2)")]
    [InlineData("abc", "--at: 'abc' is not a number (item 1)")]
    [InlineData("1;2", "--at: '1;2' is not a number (item 1)")]
    [InlineData("1,,2", "--at: item 2 is empty")]
    [InlineData("1,", "--at: item 2 is empty")]
    [InlineData(",1", "--at: item 1 is empty")]
    [InlineData("", "--at: no values given")]
    [InlineData("  ", "--at: no values given")]
    [InlineData("NaN", "--at: 'NaN' is not a finite number (item 1)")]
    [InlineData("1,Infinity", "--at: 'Infinity' is not a finite number (item 2)")]
    [InlineData("-Infinity", "--at: '-Infinity' is not a finite number (item 1)")]
    [InlineData("1e999", "--at: '1e999' is not a finite number (item 1)")]
    public void Bad_items_are_named_with_the_option_and_their_place(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => ValueList.ParseValues(text, "--at"));
        Assert.Equal(message, error.Message);
    }
}
