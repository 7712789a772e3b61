using Auth.Testing.Jwt;

namespace Auth.Testing.Clients;

/// <summary>A federated identity credential of an application: the issuer, subject and audience its assertions must have, and the keys that sign them.</summary>
internal sealed record FederatedCredential(string Issuer, string Subject, string Audience, JsonWebKeys Keys);
