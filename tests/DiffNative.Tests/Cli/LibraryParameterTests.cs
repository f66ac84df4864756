using DiffNative.Cli;

namespace DiffNative.Tests.Cli;

/// <summary>The table behind every verb's library errors: each parameter the library may name
/// becomes the option that fed it, with the value the library refused. Most of these cannot be
/// reached from the command line today (the verbs check first); the table keeps the promise if a
/// check moves into the library.</summary>
public class LibraryParameterTests
{
    public static TheoryData<string, ArgumentException, string> Cases => new()
    {
        { "derive", new ArgumentOutOfRangeException("x", double.NaN, "The point must be finite."), "--at NaN: The point must be finite." },
        { "derive", new ArgumentOutOfRangeException("Order", 5, "The derivative order must be 1..4."), "--order 5: The derivative order must be 1..4." },
        { "derive", new ArgumentOutOfRangeException("Step", -1.0, "The step must be finite and positive."), "--step -1: The step must be finite and positive." },
        { "derive", new ArgumentOutOfRangeException("Accuracy", 3, "Not offered."), "--accuracy 3: Not offered." },
        { "derive", new ArgumentOutOfRangeException("Method", 9, "Not a derivative method."), "--method 9: Not a derivative method." },
        { "gradient", new ArgumentException("Steps[0] is NaN; it must be finite and positive.", "Steps"), "--step: Steps[0] is NaN; it must be finite and positive." },
        { "hessian", new ArgumentOutOfRangeException("Scheme", 7, "Not a difference scheme."), "--method 7: Not a difference scheme." },
        { "jacobian", new ArgumentOutOfRangeException("outputs", 0, "A vector function has at least one output."), "--expr 0: A vector function has at least one output." },
        { "jacobian", new ArgumentException("x[1] is NaN; the point must be finite.", "x"), "--at: x[1] is NaN; the point must be finite." },
        { "minimize", new ArgumentException("x0[0] is NaN; the starting point must be finite.", "x0"), "--at: x0[0] is NaN; the starting point must be finite." },
        { "minimize", new ArgumentOutOfRangeException("MaxIterations", 0, "At least one iteration."), "--max-iter 0: At least one iteration." },
        { "minimize", new ArgumentException("Adam takes fixed steps.", "LineSearch"), "--method: Adam takes fixed steps." },
        { "grid", new ArgumentOutOfRangeException("edgeOrder", 3, "The edge order is 1 or 2."), "--numpy-edge-order 3: The edge order is 1 or 2." },
        { "grid", new ArgumentException("Too few samples.", "samples"), "--y: Too few samples." },
        { "grid", new ArgumentOutOfRangeException("order", 5, "Order 1 to 4."), "--order 5: Order 1 to 4." },
        { "grid", new ArgumentOutOfRangeException("accuracy", 3, "Accuracy 2, 4, 6 or 8."), "--accuracy 3: Accuracy 2, 4, 6 or 8." },
        { "plot", new ArgumentOutOfRangeException("TypicalScale", 0.0, "The typical scale must be finite and positive."), "--from/--to 0: The typical scale must be finite and positive." },
        { "check", new ArgumentException("No such ISA.", "isas"), "--isa: No such ISA." },
        // A parameter no option fed is a bug in the verb: the library's message, unchanged, still names it.
        { "derive", new ArgumentException("Something else.", "other"), "Something else. (Parameter 'other')" },
        { "info", new ArgumentException("Anything.", "x"), "Anything. (Parameter 'x')" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_library_parameter_reads_as_the_option_that_fed_it(string verb, ArgumentException error, string message) =>
        Assert.Equal(message, LibraryParameters.Describe(verb, error));
}
