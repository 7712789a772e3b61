namespace Auth.Testing.Errors;

/// <summary>Entra ID errors of the cross-origin code redemption a single-page app makes (the hybrid SPA flow's <c>spa_code</c>).</summary>
internal static class AadSpaErrors
{
    /// <summary>A cross-origin request (it has an <c>Origin</c> header) for a client or redirect URI not registered as a single-page app.</summary>
    public static AadError CrossOriginNotSpa(string origin) =>
        new(400, "invalid_request", 9002326, $"Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '{origin}'.");

    /// <summary>A SPA code redeemed without an <c>Origin</c> header (by a server, not a browser).</summary>
    public static AadError SpaCodeWithoutOrigin() =>
        new(400, "invalid_request", 9002327, "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.");
}
