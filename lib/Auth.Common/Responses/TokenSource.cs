namespace Auth.Common.Responses;

/// <summary>Where the token in an <see cref="AuthenticationResult"/> came from.</summary>
public enum TokenSource
{
    /// <summary>The identity provider issued it for this call.</summary>
    IdentityProvider,

    /// <summary>It was served from the token cache.</summary>
    Cache,
}
