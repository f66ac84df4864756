namespace DiffNative.Tests.Runtime;

/// <summary>Tests that read or change the process-wide active ISA or default backend, or read the
/// workspace pool's process-wide count, run one at a time, so one test's switch or rental cannot
/// be seen by another's assertion.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class GlobalStateCollection
{
    public const string Name = "global runtime state";
}
