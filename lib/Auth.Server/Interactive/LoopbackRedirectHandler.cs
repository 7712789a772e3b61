using System.Buffers;
using Auth.Common.Platform;

namespace Auth.Server.Interactive;

/// <summary>Answers one connection: 404 on other paths, 400 for a wrong state, the result page for the right redirect.</summary>
internal sealed class LoopbackRedirectHandler
{
    private readonly string _path;
    private readonly string _expectedState;
    private readonly LoopbackPages _pages;
    private readonly TaskCompletionSource<AuthorizationResponse> _result;

    public LoopbackRedirectHandler(string path, string expectedState, LoopbackPages pages, TaskCompletionSource<AuthorizationResponse> result)
    {
        _path = path;
        _expectedState = expectedState;
        _pages = pages;
        _result = result;
    }

    public async Task HandleAsync(Stream stream, CancellationToken cancellationToken)
    {
        var request = await ReadHeadAsync(stream, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            await LoopbackResponseWriter.WriteAsync(stream, 400, "Bad Request", LoopbackResponseWriter.Page("Bad request", "The request could not be read."), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (request.Method != "GET" || request.Path != _path)
        {
            await LoopbackResponseWriter.WriteAsync(stream, 404, "Not Found", LoopbackResponseWriter.Page("Not found", "This address only receives the sign-in redirect."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var response = AuthorizationResponse.From(request.Query);
        if (!string.Equals(response.State, _expectedState, StringComparison.Ordinal) || _result.Task.IsCompleted)
        {
            await LoopbackResponseWriter.WriteAsync(stream, 400, "Bad Request", LoopbackResponseWriter.Page("Unexpected sign-in response", "This response does not belong to the sign-in in progress."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var html = response.Error is null
            ? _pages.SuccessHtml
            : LoopbackResponseWriter.Fill(_pages.ErrorHtml, response.Error, response.ErrorDescription);
        await LoopbackResponseWriter.WriteAsync(stream, 200, "OK", html, cancellationToken).ConfigureAwait(false);
        _result.TrySetResult(response);
    }

    private static async Task<LoopbackRequest?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(LoopbackRequestParser.MaxHeadBytes + 1);
        try
        {
            var filled = 0;
            while (filled <= LoopbackRequestParser.MaxHeadBytes)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled, LoopbackRequestParser.MaxHeadBytes + 1 - filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return null;
                }

                filled += read;
                var end = LoopbackRequestParser.FindHeadEnd(buffer.AsSpan(0, filled));
                if (end >= 0)
                {
                    return LoopbackRequestParser.Parse(buffer.AsSpan(0, end));
                }
            }

            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
