// Snippets of docs/requests-and-responses.md.
#region Usings
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
#endregion

namespace Auth.Docs.Snippets;

public static class RequestsAndResponses
{
    /// <summary>The fields every request shares, on a client-credentials request.</summary>
    public static async Task<AuthenticationResult> CommonFieldsAsync(ConfidentialClientApplication app, Guid operationId)
    {
        #region CommonFields
        var request = new ClientCredentialRequest { Scopes = ["https://graph.microsoft.com/.default"] };
        var result = await app.AcquireTokenByClientCredentialAsync(request with
        {
            Authority = "https://login.microsoftonline.com/fabrikam.onmicrosoft.com", // another tenant, this call only
            CorrelationId = operationId,                                            // sent as client-request-id; find it in the authority's logs
            ExtraQueryParameters = new Dictionary<string, string> { ["slice"] = "testslice" },
        });
        #endregion
        return result;
    }

    /// <summary>What a result says, and what it prints.</summary>
    public static string Describe(AuthenticationResult result)
    {
        #region Result
        var who = result.Account is { } account ? $"{account.Username} ({account.HomeAccountId})" : "the app itself";
        var from = result.Source == TokenSource.Cache ? "the cache" : "the authority";
        Console.WriteLine($"A token for {who} from {from}, scopes {string.Join(' ', result.Scopes)}, valid until {result.ExpiresOn:u}");
        Console.WriteLine(result); // AuthenticationResult { Source = ..., AccessToken = (redacted) }: safe to log
        #endregion
        return $"{who}|{from}|{result}";
    }
}
