using Auth.Common.Errors;

namespace Auth.Common.ManagedIdentity;

/// <summary>Which managed identity to get tokens for: the system-assigned one, or a user-assigned one by client, resource or object id.</summary>
public sealed record ManagedIdentityId
{
    private const string CacheIdOfSystemAssigned = "system_assigned_managed_identity";

    private ManagedIdentityId(ManagedIdentityIdKind kind, string? value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets the host's system-assigned identity.</summary>
    public static ManagedIdentityId SystemAssigned { get; } = new(ManagedIdentityIdKind.SystemAssigned, null);

    /// <summary>Gets how the identity is named.</summary>
    public ManagedIdentityIdKind Kind { get; }

    /// <summary>Gets the id of a user-assigned identity; null for the system-assigned one.</summary>
    public string? Value { get; }

    /// <summary>Gets the client id tokens of this identity are cached under, as both MSALs cache them.</summary>
    internal string CacheId => Value ?? CacheIdOfSystemAssigned;

    /// <summary>Names a user-assigned identity by its client (application) id.</summary>
    /// <param name="clientId">The identity's client id.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="AuthClientException">The id is empty.</exception>
    public static ManagedIdentityId FromUserAssignedClientId(string clientId) => new(ManagedIdentityIdKind.ClientId, Require(clientId, "client id"));

    /// <summary>Names a user-assigned identity by its Azure resource id (<c>/subscriptions/…/userAssignedIdentities/{name}</c>).</summary>
    /// <param name="resourceId">The identity's resource id.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="AuthClientException">The id is empty.</exception>
    public static ManagedIdentityId FromUserAssignedResourceId(string resourceId) => new(ManagedIdentityIdKind.ResourceId, Require(resourceId, "resource id"));

    /// <summary>Names a user-assigned identity by its object (principal) id.</summary>
    /// <param name="objectId">The identity's object id.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="AuthClientException">The id is empty.</exception>
    public static ManagedIdentityId FromUserAssignedObjectId(string objectId) => new(ManagedIdentityIdKind.ObjectId, Require(objectId, "object id"));

    /// <summary>
    /// Parses the configuration form: <c>SystemAssigned</c>, <c>ClientId:{id}</c>, <c>ResourceId:{id}</c> or
    /// <c>ObjectId:{id}</c> (kind names ignore case).
    /// </summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="AuthClientException">The text is none of these forms (<see cref="AuthErrorCodes.InvalidConfiguration"/>).</exception>
    public static ManagedIdentityId Parse(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Equals(nameof(ManagedIdentityIdKind.SystemAssigned), StringComparison.OrdinalIgnoreCase))
        {
            return SystemAssigned;
        }

        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? trimmed[..colon].Trim() : string.Empty;
        var value = colon > 0 ? trimmed[(colon + 1)..].Trim() : string.Empty;
        if (value.Length > 0)
        {
            if (kind.Equals(nameof(ManagedIdentityIdKind.ClientId), StringComparison.OrdinalIgnoreCase))
            {
                return FromUserAssignedClientId(value);
            }

            if (kind.Equals(nameof(ManagedIdentityIdKind.ResourceId), StringComparison.OrdinalIgnoreCase))
            {
                return FromUserAssignedResourceId(value);
            }

            if (kind.Equals(nameof(ManagedIdentityIdKind.ObjectId), StringComparison.OrdinalIgnoreCase))
            {
                return FromUserAssignedObjectId(value);
            }
        }

        throw new AuthClientException(
            AuthErrorCodes.InvalidConfiguration,
            $"The managed identity '{ServerText.Text(trimmed, 200)}' is not understood. Use SystemAssigned, ClientId:<guid>, ResourceId:<resource id> or ObjectId:<guid>.");
    }

    /// <summary>Returns the configuration form (<see cref="Parse"/> reads it back).</summary>
    /// <returns><c>SystemAssigned</c> or <c>{Kind}:{Value}</c>.</returns>
    public override string ToString() => Value is null ? nameof(ManagedIdentityIdKind.SystemAssigned) : $"{Kind}:{Value}";

    private static string Require(string value, string what) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new AuthClientException(AuthErrorCodes.InvalidConfiguration, $"A user-assigned managed identity needs its {what}; it was empty.")
            : value.Trim();
}
