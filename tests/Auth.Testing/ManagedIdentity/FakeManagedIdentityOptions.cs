using System.Security.Cryptography;

namespace Auth.Testing;

/// <summary>Options for <see cref="FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions?)"/>.</summary>
public sealed class FakeManagedIdentityOptions
{
    /// <summary>The tenant of <see cref="TenantId"/> when none is given.</summary>
    public const string DefaultTenantId = "f1a7e000-1de7-4000-8000-00000000f16e";

    /// <summary>The source to play. Default <see cref="FakeManagedIdentitySource.Imds"/>.</summary>
    public FakeManagedIdentitySource Source { get; init; } = FakeManagedIdentitySource.Imds;

    /// <summary>The lifetime of issued tokens (their <c>exp</c>, the response's <c>expires_on</c> and <c>expires_in</c>). Default 24 hours, at least 1 second.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Write <c>expires_on</c> as a JSON string of unix seconds (<c>"1700000000"</c>, as App Service and IMDS do; default) or as a JSON number.</summary>
    public bool ExpiresOnAsString { get; init; } = true;

    /// <summary>Also send <c>expires_in</c> (seconds, written like <c>expires_on</c>). Default <see langword="false"/>.</summary>
    public bool IncludeExpiresIn { get; init; }

    /// <summary>Send <c>refresh_in</c> (whole seconds) with this value; not sent when <see langword="null"/> (default).</summary>
    public TimeSpan? RefreshIn { get; init; }

    /// <summary>
    /// The clock for issued tokens (<c>iat</c>, <c>nbf</c>, <c>exp</c>, <c>expires_on</c>) and <see cref="FakeManagedIdentityRequest.ReceivedAt"/>;
    /// <see cref="TimeProvider.System"/> when <see langword="null"/>. Delays (<see cref="FakeManagedIdentityEndpoint.Delay"/>) wait in real time.
    /// </summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The <c>iss</c> of issued tokens; <c>https://login.microsoftonline.com/{TenantId}/v2.0</c> when <see langword="null"/>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The <c>tid</c> of issued tokens (a GUID string). Default <see cref="DefaultTenantId"/>.</summary>
    public string TenantId { get; init; } = DefaultTenantId;

    /// <summary>
    /// A private RSA key to sign tokens with, e.g. a <see cref="FakeAuthority"/>'s (see <see cref="ForAuthority"/>), so that
    /// another party's JWKS verifies them; the endpoint's own fresh key when <see langword="null"/>.
    /// <see cref="FakeManagedIdentityEndpoint.Start(FakeManagedIdentityOptions?)"/> copies it; the caller keeps ownership.
    /// </summary>
    public RSA? SigningKey { get; init; }

    /// <summary>The <c>kid</c> (and <c>x5t</c>) of issued tokens' header; the thumbprint of a self-signed certificate for the key when <see langword="null"/>.</summary>
    public string? SigningKeyId { get; init; }

    /// <summary>
    /// Azure Arc: the directory where the endpoint writes the key files its challenges name. A fresh temporary directory
    /// (deleted on dispose) when <see langword="null"/>; in a given directory only the endpoint's own files are deleted.
    /// </summary>
    public string? AzureArcKeyDirectory { get; init; }

    /// <summary>
    /// Options whose tokens are valid federated client assertions for <paramref name="authority"/>: signed with its
    /// token-signing key and key id, issued by its <see cref="FakeAuthority.Issuer"/> in its tenant. Register the
    /// client with <see cref="FakeAuthority.RegisterFederatedClient"/> (issuer <see cref="FakeAuthority.Issuer"/>,
    /// subject the identity's <see cref="FakeManagedIdentity.ObjectId"/>) and ask the endpoint for the resource
    /// <c>api://AzureADTokenExchange</c>. Start the endpoint while the authority runs (the key is copied then).
    /// </summary>
    /// <param name="authority">The authority.</param>
    /// <param name="source">The source to play.</param>
    public static FakeManagedIdentityOptions ForAuthority(FakeAuthority authority, FakeManagedIdentitySource source = FakeManagedIdentitySource.Imds)
    {
        ArgumentNullException.ThrowIfNull(authority);
        return new FakeManagedIdentityOptions
        {
            Source = source,
            Issuer = authority.Issuer,
            TenantId = authority.TenantId,
            SigningKey = authority.TokenSigningKey.PrivateKey,
            SigningKeyId = authority.SigningKeyId,
        };
    }
}
