using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Auth.Common.Json;

namespace Auth.Common.Cache;

/// <summary>
/// The cache schema stores every time as a string of epoch seconds (<c>"1730003599"</c>).
/// Reads a string or a number; writes a string.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Json.FlexibleInt64Converter.ReadWholeNumber(ref reader);

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteStringValue(v.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
