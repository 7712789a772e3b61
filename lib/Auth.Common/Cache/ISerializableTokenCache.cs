namespace Auth.Common.Cache;

/// <summary>
/// The part of the token cache a <see cref="ITokenCachePlugin"/> persists. Inside a plugin
/// callback it is scoped to <see cref="TokenCacheContext.PartitionKey"/>: only that partition's
/// entries are written and replaced.
/// </summary>
public interface ISerializableTokenCache
{
    /// <summary>Returns the entries as MSAL unified cache JSON.</summary>
    /// <returns>The JSON text.</returns>
    string Serialize();

    /// <summary>Replaces the entries with those in <paramref name="json"/> (MSAL unified cache JSON).</summary>
    /// <param name="json">The JSON text; empty means no entries.</param>
    /// <exception cref="Errors.AuthClientException">The JSON is invalid; nothing was changed.</exception>
    void Deserialize(string json);
}
