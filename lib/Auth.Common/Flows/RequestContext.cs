using Auth.Common.Authority;
using Auth.Common.Requests;

namespace Auth.Common.Flows;

/// <summary>What every flow resolves first from a request: scopes, authority and correlation id.</summary>
internal sealed record RequestContext(IReadOnlyList<string> Scopes, AuthorityInfo Authority, Guid CorrelationId)
{
    public static RequestContext Resolve(ClientRuntime runtime, AuthRequest request, IReadOnlyList<string>? scopes)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new RequestContext(
            RequestValidation.Scopes(scopes),
            runtime.ResolveAuthority(request.Authority),
            request.CorrelationId ?? Guid.NewGuid());
    }

    public UserGrant Grant(params KeyValuePair<string, string>[] fields) => new(Authority, Scopes, CorrelationId, fields);
}
