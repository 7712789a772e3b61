using System.Security.Cryptography;
using System.Text;
using Auth.Common.Authority;
using Auth.Common.Cache;
using Auth.Common.Errors;
using Auth.Common.Logging;
using Auth.Common.Pipeline;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Common.Runtime;
using Auth.Common.Threading;
using Microsoft.Extensions.Logging;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Managed identity tokens: cache first, then one shared request per resource however many callers miss at once. Tokens
/// are cached per (source and endpoint, identity, resource) as app tokens in the MSAL schema, with the identity's id (or
/// <c>system_assigned_managed_identity</c>) as client id and realm <c>managed_identity</c>, as both MSALs write them. A
/// token past its refresh time (<c>refresh_in</c>, or half its lifetime when it lives 2 hours or more) is renewed on the
/// next call; if that fails while the token is still valid, the cached token is returned.
/// </summary>
internal sealed class ManagedIdentityFlow
{
    private const string Realm = "managed_identity";
    private const string DefaultSuffix = "/.default";
    private static readonly AuthorityInfo CacheAuthority = AuthorityInfo.Parse("https://login.microsoftonline.com/" + Realm, ProtocolMode.AzureAD, false);

    private readonly ManagedIdentityId _id;
    private readonly ManagedIdentitySender? _sender;
    private readonly ManagedIdentityDetector.Result _detected;
    private readonly CacheAccessor _cache;
    private readonly TimeProvider _time;
    private readonly TimeSpan _clockSkew;
    private readonly ILogger _logger;
    private readonly SingleFlight<string, AuthenticationResult> _flight = new();
    private readonly string _partition;

    public ManagedIdentityFlow(ManagedIdentityId id, ManagedIdentityDetector.Result detected, ManagedIdentitySender? sender, CacheAccessor cache, TimeProvider time, TimeSpan clockSkew, ILogger logger)
    {
        _id = id;
        _detected = detected;
        _sender = sender;
        _cache = cache;
        _time = time;
        _clockSkew = clockSkew;
        _logger = logger;
        _partition = CacheKeys.AppPartition(id.CacheId, Realm);
    }

    public ManagedIdentitySource Source => _detected.Source;

    public async Task<AuthenticationResult> AcquireAsync(ManagedIdentityRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var correlationId = request.CorrelationId ?? CorrelationIds.New();
        var resource = Resource(request.Resource, correlationId);
        var endpoint = _detected.GetOrThrow(correlationId);
        if (ManagedIdentityWire.Refuse(endpoint, _id) is { } refused)
        {
            throw refused;
        }

        var skipCache = request.ForceRefresh || request.Claims is not null;
        var cached = await FindAsync(endpoint, resource, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        var usable = cached is not null && TokenFreshness.IsUsable(cached, now, _clockSkew) ? cached : null;
        if (!skipCache && usable is not null && !(usable.RefreshOn <= now))
        {
            Log.ManagedIdentityCacheHit(_logger, resource, correlationId);
            return ResultFactory.FromEntity(usable, CacheAuthority, correlationId, TokenSource.Cache);
        }

        // Claims tell Service Fabric which token to revoke: the one the cache holds.
        var revoked = request.Claims is not null && cached is not null ? Sha256Hex(cached.Secret!) : null;
        var call = new Call(endpoint, resource, correlationId, skipCache, revoked);
        try
        {
            return await _flight.RunAsync($"{resource}\n{skipCache}\n{revoked}", () => FetchAsync(call), cancellationToken).ConfigureAwait(false);
        }
        catch (AuthException ex) when (!skipCache && usable is not null)
        {
            Log.ManagedIdentityRefreshFailed(_logger, resource, ex.Code, correlationId);
            return ResultFactory.FromEntity(usable, CacheAuthority, correlationId, TokenSource.Cache);
        }
    }

    private async Task<AuthenticationResult> FetchAsync(Call call)
    {
        // Another caller's request may have just stored the token: look again in memory (the lookup before loaded the partition).
        if (!call.SkipCache && Find(_cache.Store, call.Endpoint, call.Resource) is { } fresh
            && TokenFreshness.IsUsable(fresh, _time.GetUtcNow().ToUnixTimeSeconds(), _clockSkew) && !(fresh.RefreshOn <= _time.GetUtcNow().ToUnixTimeSeconds()))
        {
            return ResultFactory.FromEntity(fresh, CacheAuthority, call.CorrelationId, TokenSource.Cache);
        }

        var requestedAt = _time.GetUtcNow();
        var token = await _sender!.SendAsync(_id, call.Resource, call.RevokedTokenHash, call.CorrelationId, CancellationToken.None).ConfigureAwait(false);
        var response = new TokenResponseJson { AccessToken = token.AccessToken, TokenType = token.TokenType, ExpiresIn = token.ExpiresIn, RefreshIn = token.RefreshIn, Scope = call.Resource };
        var entity = AccessTokenFactory.ForApp(_id.CacheId, CacheAuthority, Realm, call.Resource, response, requestedAt);
        entity.Issuer = call.Endpoint.CacheIssuer;
        await _cache.AccessAsync(
            PartitionName.Of(_partition),
            isApplicationCache: true,
            (Token: entity, Now: requestedAt.ToUnixTimeSeconds()),
            static (store, save) =>
            {
                store.SaveAccessToken(save.Token, save.Now);
                return (true, true);
            },
            CancellationToken.None).ConfigureAwait(false);

        var result = ResultFactory.FromEntity(entity, CacheAuthority, call.CorrelationId, TokenSource.IdentityProvider);
        Log.ManagedIdentityTokenReceived(_logger, call.Resource, call.Endpoint.Source.ToString(), result.ExpiresOn, call.CorrelationId);
        return result;
    }

    private ValueTask<AccessTokenEntity?> FindAsync(ManagedIdentityEndpoint endpoint, string resource, CancellationToken cancellationToken) =>
        _cache.ReadAsync(
            PartitionName.Of(_partition),
            isApplicationCache: true,
            (Flow: this, Endpoint: endpoint, Resource: resource),
            static (store, find) => (find.Flow.Find(store, find.Endpoint, find.Resource), false),
            cancellationToken);

    private AccessTokenEntity? Find(TokenCacheStore store, ManagedIdentityEndpoint endpoint, string resource) =>
        AppTokenCache.Find(store, _id.CacheId, CacheAuthority, Realm, [resource], queryKey: null, endpoint.CacheIssuer);

    private static string Resource(string? resource, Guid correlationId)
    {
        var trimmed = resource?.Trim() ?? string.Empty;
        if (trimmed.EndsWith(DefaultSuffix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^DefaultSuffix.Length];
        }

        return trimmed.Length > 0 && !HasWhiteSpace(trimmed)
            ? trimmed
            : throw new AuthClientException(
                AuthErrorCodes.InvalidRequest,
                "A managed identity token needs the resource it is for, such as https://management.azure.com (one resource, no spaces).")
            {
                CorrelationId = correlationId,
            };
    }

    private static bool HasWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string Sha256Hex(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed record Call(ManagedIdentityEndpoint Endpoint, string Resource, Guid CorrelationId, bool SkipCache, string? RevokedTokenHash);
}
