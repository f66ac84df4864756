using System.CommandLine;
using DiffNative.Cli;
using DiffNative.Cli.Commands;

var root = new RootCommand("DiffNative: numerical differentiation on a native SIMD core with a managed reference.")
{
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
    PlotCommand.Create(),
};
return CommandRunner.Run(root, args);
