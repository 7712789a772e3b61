namespace Auth.Server.Network;

/// <summary>
/// Thrown inside the HTTP handler when it asks for a token request's body a second time (a followed
/// redirect, or a handler's own retry); <see cref="HttpClientNetworkClient"/> turns it into
/// <c>redirect_refused</c>. Never leaves this package.
/// </summary>
internal sealed class RefusedResendException : InvalidOperationException
{
    public RefusedResendException(Uri? target)
        : base("The token request's body is sent once, to the URI it was made for.")
    {
        Target = target;
    }

    /// <summary>Gets where the handler tried to send the body again, when it changed the URI (a redirect).</summary>
    public Uri? Target { get; }
}
