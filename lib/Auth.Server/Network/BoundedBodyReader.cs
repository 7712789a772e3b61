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
            // Pooled buffers sized from Content-Length when the server sends it: reading a token
            // response allocates only the resulting string. Buffers are cleared on return (they held tokens).
            var buffer = ArrayPool<byte>.Shared.Rent(InitialSize(content.Headers.ContentLength, maxBytes));
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        buffer = Grow(buffer, length);
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                    if (length > maxBytes)
                    {
                        throw TooLarge(maxBytes);
                    }
                }

                return Encoding.UTF8.GetString(buffer, 0, length);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            }
        }
    }

    /// <summary>The declared length plus one byte (so the end is seen without growing), else 4 KiB; never above the limit plus one.</summary>
    private static int InitialSize(long? declared, int maxBytes) =>
        (int)Math.Min(declared is long length ? length + 1 : 4096, (long)maxBytes + 1);

    private static byte[] Grow(byte[] buffer, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        return larger;
    }

    private static AuthClientException TooLarge(int maxBytes) =>
        new(AuthErrorCodes.ResponseTooLarge, $"The authority's answer exceeded {maxBytes} bytes and was not read. Check the authority URL; raise MaxResponseBytes only if the answer is legitimate.");
}
