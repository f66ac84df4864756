using System.CommandLine;
using DiffNative.Cli;
using DiffNative.Cli.Commands;

var root = new RootCommand("DiffNative: numerical differentiation on a native SIMD core with a managed reference.")
{
    InfoCommand.Create(),
    DeriveCommand.Create(),
    MultivariateCommands.Gradient(),
    MultivariateCommands.Hessian(),
    MultivariateCommands.Jacobian(),
    MinimizeCommand.Create(),
};
return CommandRunner.Run(root, args);
