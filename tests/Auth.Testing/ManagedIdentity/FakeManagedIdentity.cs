namespace Auth.Testing;

/// <summary>A managed identity a <see cref="FakeManagedIdentityEndpoint"/> issues tokens for.</summary>
/// <param name="ClientId">The client (application) id, a GUID string: the tokens' <c>appid</c> and the response's <c>client_id</c>.</param>
/// <param name="ObjectId">The object (principal) id, a GUID string: the tokens' <c>oid</c> and <c>sub</c>.</param>
/// <param name="ResourceId">The Azure resource id: the tokens' <c>xms_mirid</c>.</param>
public sealed record FakeManagedIdentity(string ClientId, string ObjectId, string ResourceId)
{
    /// <summary>The principal id: the same as <see cref="ObjectId"/> (Service Fabric's name for it).</summary>
    public string PrincipalId => ObjectId;
}
