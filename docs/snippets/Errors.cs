// Snippets of docs/errors.md. Lines marked "docs:hide" wire the test's fake authority and are left out of the page.
#region Usings
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
#endregion

namespace Auth.Docs.Snippets;

public static class Errors
{
    /// <summary>A desktop app: silent first, interactive when the authority needs the user.</summary>
    public static async Task<AuthenticationResult> SilentThenInteractiveAsync(
        PublicClientApplication app, AccountInfo account, string[] scopes, Func<Uri, CancellationToken, Task> openBrowser)
    {
        #region SilentThenInteractive
        try
        {
            return await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = scopes, Account = account });
        }
        catch (InteractionRequiredException ex)
        {
            // ex.Code: interaction_required, invalid_grant, no_tokens_found...; ex.Classification: what the user must do.
            // ex.Claims is the authority's claims challenge, if it sent one: pass it on.
            return await app.AcquireTokenInteractiveAsync(new InteractiveRequest
            {
                Scopes = scopes,
                LoginHint = account.Username,
                Claims = ex.Claims,
                OpenBrowser = openBrowser, // docs:hide
            });
        }
        #endregion
    }

    /// <summary>A daemon: waits out throttling and transient failures, gives up on everything else.</summary>
    public static async Task<AuthenticationResult> AppTokenWithRetriesAsync(ConfidentialClientApplication app, CancellationToken cancellationToken)
    {
        #region Retries
        var request = new ClientCredentialRequest { Scopes = ["https://graph.microsoft.com/.default"] };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await app.AcquireTokenByClientCredentialAsync(request, cancellationToken);
            }
            catch (AuthServiceException ex) when (ex.Code == AuthErrorCodes.RequestThrottled && attempt < 3)
            {
                // 429 (or 503 with Retry-After): the same request fails fast, unsent, until RetryAfter has passed.
                await Task.Delay(ex.RetryAfter ?? TimeSpan.FromSeconds(60), TimeProvider.System, cancellationToken);
            }
            catch (AuthException ex) when (attempt < 3 && (ex is AuthServiceException { IsRetryable: true }
                || ex.Code is AuthErrorCodes.NetworkError or AuthErrorCodes.RequestTimeout))
            {
                // A 5xx or a timeout the library already retried once; back off and try again.
                await Task.Delay(TimeSpan.FromSeconds(2 * attempt), TimeProvider.System, cancellationToken);
            }
        }
        #endregion
    }

    /// <summary>A web app calling an API that answers 401 with a claims challenge (Conditional Access, CAE).</summary>
    public static async Task<AuthenticationResult?> AnswerClaimsChallengeAsync(
        ConfidentialClientApplication app, AccountInfo account, string[] scopes, HttpResponseMessage response)
    {
        #region ClaimsChallenge
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && HttpClaimsChallenge.FromResponse(response) is { } claims)
        {
            // Skips the cached token and sends the claims (merged with ClientCapabilities); an InteractionRequiredException
            // here means the user must satisfy the policy in a new sign-in, with the same Claims.
            return await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = scopes, Account = account, Claims = claims });
        }
        #endregion
        return null;
    }

    /// <summary>Logging what support needs.</summary>
    public static string Describe(AuthException ex)
    {
        #region Describe
        var line = ex switch
        {
            AuthServiceException s => $"{s.Code} (HTTP {s.StatusCode}, AADSTS {string.Join(",", s.ErrorCodes)}, trace {s.TraceId}, correlation {s.CorrelationId})",
            _ => $"{ex.Code} (correlation {ex.CorrelationId})",
        };
        #endregion
        return line;
    }
}
