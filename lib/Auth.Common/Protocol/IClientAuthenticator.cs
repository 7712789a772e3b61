namespace Auth.Common.Protocol;

/// <summary>Adds a confidential client's credentials to a token request body.</summary>
internal interface IClientAuthenticator
{
    /// <summary>Adds <c>client_secret</c> or <c>client_assertion</c> fields to <paramref name="form"/>.</summary>
    ValueTask AddCredentialsAsync(List<KeyValuePair<string, string>> form, ClientAuthenticationContext context, CancellationToken cancellationToken);
}
