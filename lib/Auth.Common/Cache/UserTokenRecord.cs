namespace Auth.Common.Cache;

/// <summary>The entities one user token response produces.</summary>
internal sealed record UserTokenRecord(
    AccountEntity Account,
    IdTokenEntity? IdToken,
    AccessTokenEntity AccessToken,
    RefreshTokenEntity? RefreshToken,
    AppMetadataEntity AppMetadata);
