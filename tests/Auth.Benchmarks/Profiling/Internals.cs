using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Auth.Common.Responses;
using Microsoft.Extensions.Logging;

namespace Auth.Benchmarks.Profiling;

/// <summary>
/// Reaches the internal stages of our hit path so each can be timed alone. lib/ grants
/// InternalsVisibleTo to the test projects only (STYLE.md rule 6), so this uses .NET 10's
/// <see cref="UnsafeAccessorAttribute"/> with <see cref="UnsafeAccessorTypeAttribute"/> for the
/// calls, and reflection (setup only) for the two that return a ValueTask of an internal type.
/// A renamed member fails at setup with MissingMethodException/MissingFieldException, never silently.
/// </summary>
public static class Internals
{
    private const string ClientRuntime = "Auth.Common.Runtime.ClientRuntime, Auth.Common";
    private const string AuthorityInfo = "Auth.Common.Authority.AuthorityInfo, Auth.Common";
    private const string CloudInstance = "Auth.Common.Authority.CloudInstance, Auth.Common";
    private const string CacheAccessor = "Auth.Common.Cache.CacheAccessor, Auth.Common";
    private const string TokenCacheStore = "Auth.Common.Cache.TokenCacheStore, Auth.Common";
    private const string CachePartition = "Auth.Common.Cache.CachePartition, Auth.Common";
    private const string AccessTokenEntity = "Auth.Common.Cache.AccessTokenEntity, Auth.Common";
    private const string ClientHeaders = "Auth.Common.Telemetry.ClientHeaders, Auth.Common";
    private const string ServerTelemetry = "Auth.Common.Telemetry.ServerTelemetry, Auth.Common";

    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Client")]
    public static extern Auth.Common.Clients.TokenClient Client(Auth.Server.ClientApplication app);

    /// <summary>Returns the app's runtime: the application is Auth.Common's TokenClient with adapters.</summary>
    public static object Runtime(Auth.Server.ClientApplication app) => Field(Client(app), "_runtime");

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Logger")]
    public static extern ILogger Logger([UnsafeAccessorType(ClientRuntime)] object runtime);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Cache")]
    [return: UnsafeAccessorType(CacheAccessor)]
    public static extern object Cache([UnsafeAccessorType(ClientRuntime)] object runtime);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Store")]
    [return: UnsafeAccessorType(TokenCacheStore)]
    public static extern object Store([UnsafeAccessorType(CacheAccessor)] object cache);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Headers")]
    [return: UnsafeAccessorType(ClientHeaders)]
    public static extern object Headers([UnsafeAccessorType(ClientRuntime)] object runtime);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Telemetry")]
    [return: UnsafeAccessorType(ServerTelemetry)]
    public static extern object Telemetry([UnsafeAccessorType(ClientHeaders)] object headers);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "CacheHit")]
    public static extern void TelemetryCacheHit([UnsafeAccessorType(ServerTelemetry)] object telemetry);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Cloud")]
    [return: UnsafeAccessorType(CloudInstance)]
    public static extern object Cloud([UnsafeAccessorType(AuthorityInfo)] object authority);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_CacheLookupOrder")]
    public static extern IReadOnlyList<string> Aliases([UnsafeAccessorType(CloudInstance)] object cloud);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Tenant")]
    public static extern string Tenant([UnsafeAccessorType(AuthorityInfo)] object authority);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Find")]
    [return: UnsafeAccessorType(CachePartition)]
    public static extern object? FindPartition([UnsafeAccessorType(TokenCacheStore)] object store, string key);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Find")]
    [return: UnsafeAccessorType(CachePartition)]
    public static extern object? FindPartition([UnsafeAccessorType(TokenCacheStore)] object store, ReadOnlySpan<char> key);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "FindAccessTokenByKey")]
    [return: UnsafeAccessorType(AccessTokenEntity)]
    public static extern object? FindAccessTokenByKey(
        [UnsafeAccessorType(CachePartition)] object partition, string? homeAccountId, IReadOnlyList<string> aliases, string clientId, string realm, IReadOnlyList<string> scopes);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "IsClean")]
    public static extern bool IsClean([UnsafeAccessorType("Auth.Common.Runtime.RequestValidation, Auth.Common")] object? type, IReadOnlyList<string>? scopes);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "Find")]
    [return: UnsafeAccessorType(AccessTokenEntity)]
    public static extern object? AppTokenCacheFind(
        [UnsafeAccessorType("Auth.Common.Cache.AppTokenCache, Auth.Common")] object? type,
        [UnsafeAccessorType(TokenCacheStore)] object store,
        string clientId,
        [UnsafeAccessorType(AuthorityInfo)] object authority,
        string realm,
        IReadOnlyList<string> scopes);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "IsUsable")]
    public static extern bool IsUsable([UnsafeAccessorType("Auth.Common.Cache.TokenFreshness, Auth.Common")] object? type, [UnsafeAccessorType(AccessTokenEntity)] object token, long now, TimeSpan clockSkew);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "CacheHit")]
    public static extern void LogCacheHit([UnsafeAccessorType("Auth.Common.Logging.Log, Auth.Common")] object? type, ILogger logger, IReadOnlyList<string> scopes, Guid correlationId);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "FromEntity")]
    public static extern AuthenticationResult FromEntity(
        [UnsafeAccessorType("Auth.Common.Runtime.ResultFactory, Auth.Common")] object? type,
        [UnsafeAccessorType(AccessTokenEntity)] object token,
        [UnsafeAccessorType(AuthorityInfo)] object authority,
        Guid correlationId,
        TokenSource source);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_IssuedTenant")]
    public static extern string? IssuedTenant([UnsafeAccessorType(AccessTokenEntity)] object token);

    /// <summary>Returns a field's value (setup only).</summary>
    public static object Field(object owner, string name) =>
        (owner.GetType().GetField(name, Instance) ?? throw new MissingFieldException(owner.GetType().Name, name)).GetValue(owner)
        ?? throw new InvalidOperationException($"{owner.GetType().Name}.{name} is null.");

    /// <summary>
    /// Compiles <c>owner.method(args…).Result</c> for a method returning a ValueTask of an internal
    /// type; <paramref name="project"/> picks what to return from the result.
    /// </summary>
    public static Func<TArg, object?> ValueTaskCall<TArg>(object owner, string method, Func<Expression, Expression> project, params object[] trailing)
    {
        var info = owner.GetType().GetMethod(method, Instance) ?? throw new MissingMethodException(owner.GetType().Name, method);
        var parameters = info.GetParameters();
        var argument = Expression.Parameter(typeof(TArg), "argument");
        var arguments = new List<Expression> { Expression.Convert(argument, parameters[0].ParameterType) };
        arguments.AddRange(trailing.Select((value, i) => (Expression)Expression.Constant(value, parameters[i + 1].ParameterType)));
        var call = Expression.Call(Expression.Constant(owner), info, arguments);
        var body = Expression.Convert(project(Expression.Property(call, "Result")), typeof(object));
        return Expression.Lambda<Func<TArg, object?>>(body, argument).Compile();
    }
}
