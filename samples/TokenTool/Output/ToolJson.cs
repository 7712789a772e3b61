using System.Text.Json.Serialization;

namespace TokenTool.Output;

/// <summary>The <c>--json</c> output, source-generated: camelCase, indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(TokenView))]
[JsonSerializable(typeof(IReadOnlyList<AccountView>))]
internal sealed partial class ToolJson : JsonSerializerContext;
