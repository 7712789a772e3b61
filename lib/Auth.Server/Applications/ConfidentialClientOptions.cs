namespace Auth.Server;

/// <summary>Options of a <see cref="ConfidentialClientApplication"/>: a daemon, web app or web API.</summary>
public sealed class ConfidentialClientOptions : ClientApplicationOptions
{
    /// <summary>Gets or sets how the app proves its identity. Required unless <see cref="ClientSecret"/> is set.</summary>
    public ClientCredential? ClientCredential { get; set; }

    /// <summary>
    /// Gets or sets a client secret, for configuration binding (<c>"Auth:ClientSecret"</c>, from a
    /// secret store, never from a checked-in file). Used when <see cref="ClientCredential"/> is null.
    /// </summary>
    public string? ClientSecret { get; set; }

    /// <summary>Returns the credential to use: <see cref="ClientCredential"/>, else one made from <see cref="ClientSecret"/>.</summary>
    /// <returns>The credential, or null when neither is set.</returns>
    public ClientCredential? ResolveCredential() =>
        ClientCredential ?? (string.IsNullOrWhiteSpace(ClientSecret) ? null : ClientCredential.FromSecret(ClientSecret));
}
