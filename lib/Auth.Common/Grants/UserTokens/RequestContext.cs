using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Requests;
using Auth.Common.Runtime;

namespace Auth.Common.Grants.UserTokens;

/// <summary>
/// What every flow resolves first from a request: scopes, authority and correlation id, and the key of its extra
/// query parameters (<see cref="QueryParameterKey"/>), which the access tokens it may be served are cached under.
/// </summary>
internal sealed record RequestContext(IReadOnlyList<string> Scopes, AuthorityInfo Authority, Guid CorrelationId, string? QueryKey = null)
{
    public static async ValueTask<RequestContext> ResolveAsync(ClientRuntime runtime, AuthRequest request, IReadOnlyList<string>? scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<string> validScopes = RequestValidation.IsClean(scopes) ? [.. scopes] : RequestValidation.Scopes(scopes);
        var correlationId = request.CorrelationId ?? CorrelationIds.New();
        var authority = await runtime.ResolveAuthorityAsync(request.Authority, correlationId, cancellationToken).ConfigureAwait(false);
        return new RequestContext(validScopes, authority, correlationId, QueryParameterKey.Of(request.ExtraQueryParameters));
    }

    public UserGrant Grant(params KeyValuePair<string, string>[] fields) => new(Authority, Scopes, CorrelationId, fields);
}
