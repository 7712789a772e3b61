using Auth.Common.Errors;
using Auth.Common.Grants.AuthorizationCode;
using Auth.Common.Grants.UserTokens;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;

namespace Auth.Common.Grants.Interactive;

/// <summary>
/// Interactive sign-in for desktop and command-line apps (RFC 8252): listen on a loopback port,
/// open the browser at the authorization URL (PKCE S256, state, nonce), wait for the one matching
/// redirect, stop listening, and redeem the code.
/// </summary>
internal sealed class InteractiveFlow
{
    private readonly AuthorizationUrlBuilder _urls;
    private readonly AuthorizationCodeFlow _codes;
    private readonly ILoopbackListener _listener;
    private readonly IBrowserLauncher? _browser;

    public InteractiveFlow(UserTokenExchange exchange, ILoopbackListener listener, IBrowserLauncher? browser)
    {
        _urls = new AuthorizationUrlBuilder(exchange.Runtime);
        _codes = new AuthorizationCodeFlow(exchange);
        _listener = listener;
        _browser = browser;
        Runtime = exchange.Runtime;
    }

    private ClientRuntime Runtime { get; }

    public async Task<AuthenticationResult> AcquireAsync(InteractiveRequest request, CancellationToken cancellationToken)
    {
        var context = await RequestContext.ResolveAsync(Runtime, request, request.Scopes, cancellationToken).ConfigureAwait(false);
        var verifier = Runtime.Crypto.CreateRandomValue();
        var state = Runtime.Crypto.CreateRandomValue();
        var nonce = Runtime.Crypto.CreateRandomValue();
        using var timeout = new CancellationTokenSource(request.Timeout, Runtime.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        var session = await StartAsync(linked.Token).ConfigureAwait(false);
        AuthorizationResponse response;
        await using (session.ConfigureAwait(false))
        {
            var authorization = await _urls.BuildAsync(
                new AuthorizationUrlRequest
                {
                    Scopes = context.Scopes,
                    RedirectUri = session.RedirectUri,
                    CodeChallenge = Runtime.Crypto.Sha256Base64Url(verifier),
                    State = state,
                    Nonce = nonce,
                    Prompt = request.Prompt,
                    LoginHint = request.LoginHint,
                    Claims = request.Claims,
                    Authority = request.Authority,
                    CorrelationId = context.CorrelationId,
                    ExtraQueryParameters = request.ExtraQueryParameters,
                },
                linked.Token).ConfigureAwait(false);
            var pages = new LoopbackPages(request.SuccessHtml ?? LoopbackPages.Default.SuccessHtml, request.ErrorHtml ?? LoopbackPages.Default.ErrorHtml);
            var waiting = session.WaitForResponseAsync(state, pages, linked.Token);
            try
            {
                await OpenBrowserAsync(request, authorization.Url, linked.Token).ConfigureAwait(false);
                response = await waiting.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new AuthClientException(AuthErrorCodes.OperationTimedOut, $"The user did not finish signing in within {request.Timeout.TotalSeconds:0} s. Ask the user to try again.")
                {
                    CorrelationId = context.CorrelationId,
                };
            }
        }

        if (response.Error is { Length: > 0 } rawError)
        {
            throw AuthorizationResponseCheck.RedirectError(rawError, response.ErrorDescription, context.CorrelationId);
        }

        return await _codes.AcquireAsync(
            new AuthorizationCodeRequest
            {
                Scopes = context.Scopes,
                RedirectUri = session.RedirectUri,
                Code = response.Code ?? string.Empty,
                CodeVerifier = verifier,
                State = state,
                ReturnedState = response.State,
                ReturnedIssuer = response.Issuer,
                Nonce = nonce,
                Claims = request.Claims,
                Authority = request.Authority,
                CorrelationId = context.CorrelationId,
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ILoopbackSession> StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _listener.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AuthException)
        {
            throw new AuthClientException(AuthErrorCodes.LoopbackListenerFailed, "Could not listen on 127.0.0.1 for the sign-in redirect; see the inner exception.", ex);
        }
    }

    private async Task OpenBrowserAsync(InteractiveRequest request, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            var open = request.OpenBrowser ?? (_browser is { } browser ? browser.OpenAsync : (Func<Uri, CancellationToken, Task>?)null)
                ?? throw new AuthClientException(AuthErrorCodes.BrowserLaunchFailed, "No browser launcher is configured. Pass an OpenBrowser callback, or use the device-code flow.");
            await open(url, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AuthException)
        {
            throw new AuthClientException(AuthErrorCodes.BrowserLaunchFailed, "The browser could not be opened for sign-in. Pass an OpenBrowser callback, or use the device-code flow.", ex);
        }
    }
}
