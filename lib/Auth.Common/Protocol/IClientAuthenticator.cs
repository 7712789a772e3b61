namespace Auth.Common.Protocol;

/// <summary>Adds a confidential client's credentials to a token request body.</summary>
internal interface IClientAuthenticator
{
    /// <summary>Adds the credential to <paramref name="request"/>: body fields or an Authorization header.</summary>
    ValueTask AddCredentialsAsync(TokenRequestContent request, ClientAuthenticationContext context, CancellationToken cancellationToken);
}
