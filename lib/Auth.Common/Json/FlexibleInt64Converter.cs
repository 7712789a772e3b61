using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth.Common.Json;

/// <summary>
/// Reads a whole number sent either as a JSON number or as a JSON string (providers differ:
/// <c>"expires_in": 3599</c> and <c>"expires_in": "3599"</c> both occur); writes a number.
/// </summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadWholeNumber(ref reader);

    /// <summary>Reads null, a JSON number, or a string of digits; anything else is a <see cref="JsonException"/>.</summary>
    public static long? ReadWholeNumber(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.Number when reader.TryGetDouble(out var real) && real is >= long.MinValue and <= long.MaxValue:
                return (long)real;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                break;
        }

        throw new JsonException($"Expected a whole number, found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
