using Auth.Common.Responses;

namespace Auth.Common.Requests;

/// <summary>A token for a signed-in account without user interaction: from the cache, else with the cached refresh token.</summary>
public sealed record SilentFlowRequest : AuthRequest
{
    /// <summary>Gets the scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Gets the account, from <c>GetAllAccountsAsync</c> or an earlier result.</summary>
    public required AccountInfo Account { get; init; }

    /// <summary>Gets whether to skip the cached access token and redeem the refresh token.</summary>
    public bool ForceRefresh { get; init; }

}
