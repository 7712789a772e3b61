using System.Net;

namespace Auth.Server.Network;

/// <summary>
/// A token request's form body that goes out once, to the URI it was made for, and never again. A
/// handler that follows a 307/308 redirect re-sends the body (the secret, code, refresh token or
/// assertion) to the redirect target: it asks this content for the body a second time, or for a
/// request whose URI has changed, and this content refuses before writing a byte. So whatever
/// handler the app's <see cref="HttpClient"/> has, a redirect target never receives the body.
/// </summary>
internal sealed class SingleUseFormContent : HttpContent
{
    private readonly FormUrlEncodedContent _form;
    private readonly HttpRequestMessage _message;
    private readonly Uri _target;
    private int _sent;

    public SingleUseFormContent(IEnumerable<KeyValuePair<string, string>> form, HttpRequestMessage message)
    {
        _form = new FormUrlEncodedContent(form);
        _message = message;
        _target = message.RequestUri!;
        Headers.ContentType = _form.Headers.ContentType;
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var uri = _message.RequestUri;
        if (Interlocked.Exchange(ref _sent, 1) == 1 || uri != _target)
        {
            throw new RefusedResendException(uri != _target ? uri : null);
        }

        await _form.CopyToAsync(stream, context, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _form.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _form.Dispose();
        }

        base.Dispose(disposing);
    }
}
