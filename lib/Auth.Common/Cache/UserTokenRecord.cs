namespace Auth.Common.Cache;

/// <summary>
/// The entities one user token response produces. On-behalf-of records (the access token carries
/// a user_assertion_hash) store only their access and refresh tokens, in the assertion's partition.
/// </summary>
internal sealed record UserTokenRecord(
    AccountEntity Account,
    IdTokenEntity? IdToken,
    AccessTokenEntity AccessToken,
    RefreshTokenEntity? RefreshToken,
    AppMetadataEntity AppMetadata);
