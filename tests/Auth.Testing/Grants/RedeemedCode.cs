using Auth.Testing.Authorization;
using Auth.Testing.Clients;

namespace Auth.Testing.Grants;

/// <summary>An authorization code (or SPA code) that was accepted for redemption, and how its client authenticated.</summary>
/// <param name="Code">What the code stands for.</param>
/// <param name="Client">The client that redeemed it.</param>
/// <param name="Method">How the client authenticated (<see cref="ClientAuthMethod.None"/> for a public client or a SPA).</param>
internal sealed record RedeemedCode(AuthorizationCode Code, RegisteredClient Client, ClientAuthMethod Method);
