using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Auth.Common.Cache;

/// <summary>
/// The cache schema stores every time as a string of epoch seconds (<c>"1730003599"</c>).
/// Reads a string or a number; writes a string.
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<long?>
{
    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return number;
        }

        if (reader.TokenType == JsonTokenType.String && !reader.HasValueSequence)
        {
            var span = reader.ValueSpan;
            if (span.Length == 0)
            {
                return null;
            }

            if (Utf8Parser.TryParse(span, out long parsed, out var consumed) && consumed == span.Length)
            {
                return parsed;
            }
        }

        throw new JsonException("A cache time must be a string of epoch seconds.");
    }

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
