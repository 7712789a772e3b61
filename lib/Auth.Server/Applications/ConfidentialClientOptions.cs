namespace Auth.Server;

/// <summary>Options of a <see cref="ConfidentialClientApplication"/>: a daemon, web app or web API.</summary>
public sealed class ConfidentialClientOptions : ClientApplicationOptions
{
    /// <summary>Gets or sets how the app proves its identity. Required.</summary>
    public ClientCredential? ClientCredential { get; set; }
}
