using System.Text.Json;

namespace DiffNative.Tests.Support;

/// <summary>Reads the committed reference data in TestData/ (copied to the output folder).</summary>
public static class TestData
{
    public static JsonDocument Load(string fileName) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", fileName)));
}
