using System.CommandLine;
using System.CommandLine.Help;
using DiffNative.Cli;
using DiffNative.Cli.Commands;
using DiffNative.Cli.Help;

// A plain command named as the installed tool is: a RootCommand takes its name from the file that
// runs, and usage lines said "DiffNative.Cli".
var root = new Command("diffnative", "DiffNative: numerical differentiation on a native SIMD core with a managed reference. " +
                                     "Start with 'diffnative demo'; 'diffnative help expressions' gives the syntax of --expr.")
{
    new HelpOption(),
    new VersionOption(),
    DemoCommand.Create(),
    InfoCommand.Create(),
    CheckCommand.Create(),
    BenchCommand.Create(),
    DeriveCommand.Create(),
    MultivariateCommands.Gradient(),
    MultivariateCommands.Hessian(),
    MultivariateCommands.Jacobian(),
    GridCommand.Create(),
    MinimizeCommand.Create(),
    FitCommand.Create(),
    PlotCommand.Create(),
};
root.Subcommands.Add(HelpCommand.Create(root));
return CommandRunner.Run(root, args);
