using System.Buffers;
using System.Text;
using Auth.Common.Errors;

namespace Auth.Server.Network;

/// <summary>Reads a response body as UTF-8, refusing more than a set number of bytes.</summary>
internal static class BoundedBodyReader
{
    public static async Task<string> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is long declared && declared > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 16 * 1024));
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await stream.ReadAsync(memory, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > maxBytes)
                {
                    throw TooLarge(maxBytes);
                }
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    private static AuthClientException TooLarge(int maxBytes) =>
        new(AuthErrorCodes.ResponseTooLarge, $"The authority's answer exceeded {maxBytes} bytes and was not read. Check the authority URL; raise MaxResponseBytes only if the answer is legitimate.");
}
