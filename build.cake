// Build orchestration: `dotnet tool restore && dotnet cake [--target=NAME]`.
// Targets: Native, NativeTest (ctest), Build, Test, Bench, Pack; Default runs every test.
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var nativeBuild = "./artifacts/native";

void Run(string tool, string arguments)
{
    var exitCode = StartProcess(tool, new ProcessSettings { Arguments = arguments });
    if (exitCode != 0)
        throw new Exception($"'{tool} {arguments}' exited with {exitCode}");
}

Task("Native")
    .Description("Configure (once) and build the C core and its tests with CMake.")
    .Does(() =>
{
    if (!FileExists($"{nativeBuild}/CMakeCache.txt"))
        Run("cmake", $"-S . -B {nativeBuild} -DCMAKE_BUILD_TYPE=Release");
    Run("cmake", $"--build {nativeBuild} --parallel 2");
});

Task("NativeTest")
    .Description("Run the C tests with ctest.")
    .IsDependentOn("Native")
    .Does(() => Run("ctest", $"--test-dir {nativeBuild} --output-on-failure"));

Task("Build")
    .Description("Build the solution (the MSBuild target rebuilds the C core incrementally).")
    .IsDependentOn("Native")
    .Does(() => DotNetBuild("./DiffNative.sln", new DotNetBuildSettings { Configuration = configuration }));

Task("Test")
    .Description("Run the xunit suite.")
    .IsDependentOn("Build")
    .Does(() => DotNetTest("./DiffNative.sln", new DotNetTestSettings { Configuration = configuration, NoBuild = true }));

Task("Bench")
    .Description("Run the BenchmarkDotNet suite (Release).")
    .IsDependentOn("Native")
    .Does(() => DotNetRun("./benchmarks/DiffNative.Benchmarks/DiffNative.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--filter").AppendQuoted("*"),
        new DotNetRunSettings { Configuration = "Release" }));

Task("Pack")
    .Description("Create the DiffNative and DiffNative.Cli packages in artifacts/packages (the native library under runtimes/linux-x64/native/).")
    .Does(() =>
{
    // The two packable projects only: packing the solution would build the tests and benchmarks too.
    foreach (var project in new[] { "./src/DiffNative/DiffNative.csproj", "./src/DiffNative.Cli/DiffNative.Cli.csproj" })
        DotNetPack(project, new DotNetPackSettings { Configuration = configuration, OutputDirectory = "./artifacts/packages" });
});

Task("Default")
    .Description("Every test: ctest and the xunit suite.")
    .IsDependentOn("NativeTest")
    .IsDependentOn("Test");

RunTarget(target);
