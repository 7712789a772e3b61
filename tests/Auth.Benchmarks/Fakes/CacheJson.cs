using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Auth.Benchmarks.Fakes;

/// <summary>
/// Writes MSAL unified-cache JSON (shared/design/CACHE-SCHEMA.md) directly, so 100,000 tokens can
/// be loaded into both libraries in a second instead of 100,000 token requests.
/// </summary>
public static class CacheJson
{
    private static readonly long Now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
    private static readonly long Expires = Now + (24 * 3600);

    public static string AppScope(int index) => $"api://res{index}/.default";

    public static string UserScope(int index) => $"api://res{index}/access_as_user";

    public static string OboAssertion(int user) => $"eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.eyJ1c2VyIjoi{user:x8}In0.c2ln";

    public static string HomeAccountId(int user, string tenant) => $"{Uid(user)}.{tenant}";

    public static string AssertionHash(string assertion) => Base64Url(SHA256.HashData(Encoding.UTF8.GetBytes(assertion)));

    /// <summary>App-only tokens: <paramref name="tenants"/> tenants, <paramref name="tokensPerTenant"/> scopes each.</summary>
    public static byte[] AppTokens(int firstTenant, int tenants, int tokensPerTenant) =>
        Write(w =>
        {
            w.WriteStartObject("AccessToken");
            for (var t = firstTenant; t < firstTenant + tenants; t++)
            {
                var tenant = Apps.Tenant(t);
                for (var s = 0; s < tokensPerTenant; s++)
                {
                    WriteAccessToken(w, string.Empty, tenant, AppScope(s), $"app-token-{t}-{s}", null);
                }
            }

            w.WriteEndObject();
        });

    /// <summary>
    /// One app tenant's tokens as a library writes them itself: under <paramref name="environment"/>
    /// (ours writes Entra ID tokens under the cloud's preferred cache host, login.windows.net) and
    /// <paramref name="realm"/> (empty for a generic OIDC authority, and then left out as MSAL.NET does).
    /// </summary>
    public static byte[] SingleTenantAppTokens(string environment, string realm, int tokens) =>
        Write(
            w =>
            {
                w.WriteStartObject("AccessToken");
                for (var s = 0; s < tokens; s++)
                {
                    WriteAccessToken(w, string.Empty, realm, AppScope(s), $"app-token-0-{s}", null, environment);
                }

                w.WriteEndObject();
            },
            environment);

    /// <summary>OBO tokens for <paramref name="users"/> users of one tenant, keyed by the assertion hash.</summary>
    public static byte[] OboTokens(string tenant, int users, int tokensPerUser) =>
        Write(w =>
        {
            w.WriteStartObject("AccessToken");
            for (var u = 0; u < users; u++)
            {
                var hash = AssertionHash(OboAssertion(u));
                for (var s = 0; s < tokensPerUser; s++)
                {
                    WriteAccessToken(w, HomeAccountId(u, tenant), tenant, UserScope(s), $"obo-token-{u}-{s}", hash);
                }
            }

            w.WriteEndObject();
        });

    /// <summary>Signed-in users: account, ID token, refresh token and <paramref name="tokensPerUser"/> access tokens each.</summary>
    public static byte[] UserTokens(string tenant, int users, int tokensPerUser) =>
        Write(w =>
        {
            w.WriteStartObject("Account");
            for (var u = 0; u < users; u++)
            {
                var home = HomeAccountId(u, tenant);
                w.WriteStartObject($"{home}-{Apps.Host}-{tenant}");
                w.WriteString("home_account_id", home);
                w.WriteString("environment", Apps.Host);
                w.WriteString("realm", tenant);
                w.WriteString("local_account_id", Uid(u));
                w.WriteString("username", $"user{u}@contoso.com");
                w.WriteString("authority_type", "MSSTS");
                w.WriteString("name", $"User {u}");
                w.WriteString("client_info", Base64Url(Encoding.UTF8.GetBytes($"{{\"uid\":\"{Uid(u)}\",\"utid\":\"{tenant}\"}}")));
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("IdToken");
            for (var u = 0; u < users; u++)
            {
                var home = HomeAccountId(u, tenant);
                w.WriteStartObject($"{home}-{Apps.Host}-idtoken-{Apps.ClientId}-{tenant}-");
                w.WriteString("home_account_id", home);
                w.WriteString("environment", Apps.Host);
                w.WriteString("credential_type", "IdToken");
                w.WriteString("client_id", Apps.ClientId);
                w.WriteString("secret", IdToken(u, tenant));
                w.WriteString("realm", tenant);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("RefreshToken");
            for (var u = 0; u < users; u++)
            {
                var home = HomeAccountId(u, tenant);
                w.WriteStartObject($"{home}-{Apps.Host}-refreshtoken-{Apps.ClientId}--");
                w.WriteString("home_account_id", home);
                w.WriteString("environment", Apps.Host);
                w.WriteString("credential_type", "RefreshToken");
                w.WriteString("client_id", Apps.ClientId);
                w.WriteString("secret", $"refresh-token-{u}");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("AccessToken");
            for (var u = 0; u < users; u++)
            {
                for (var s = 0; s < tokensPerUser; s++)
                {
                    WriteAccessToken(w, HomeAccountId(u, tenant), tenant, UserScope(s), $"user-token-{u}-{s}", null);
                }
            }

            w.WriteEndObject();
        });

    private static void WriteAccessToken(Utf8JsonWriter w, string home, string tenant, string target, string secret, string? assertionHash, string environment = Apps.Host)
    {
        w.WriteStartObject($"{home}-{environment}-accesstoken-{Apps.ClientId}-{tenant}-{target}".ToLowerInvariant());
        w.WriteString("home_account_id", home);
        w.WriteString("environment", environment);
        w.WriteString("credential_type", "AccessToken");
        w.WriteString("client_id", Apps.ClientId);
        w.WriteString("secret", secret);
        if (tenant.Length > 0)
        {
            w.WriteString("realm", tenant);
        }

        w.WriteString("target", target);
        w.WriteString("cached_at", Now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("expires_on", Expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("extended_expires_on", Expires.ToString(System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("token_type", "Bearer");
        if (assertionHash is not null)
        {
            w.WriteString("user_assertion_hash", assertionHash);
        }

        w.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body, string environment = Apps.Host)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            body(w);
            w.WriteStartObject("AppMetadata");
            w.WriteStartObject($"appmetadata-{environment}-{Apps.ClientId}");
            w.WriteString("client_id", Apps.ClientId);
            w.WriteString("environment", environment);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static string Uid(int user) => $"{user:x8}-0000-0000-0000-000000000001";

    private static string IdToken(int user, string tenant)
    {
        var header = Base64Url("{\"typ\":\"JWT\",\"alg\":\"none\"}"u8.ToArray());
        var payload = Base64Url(Encoding.UTF8.GetBytes(
            $"{{\"aud\":\"{Apps.ClientId}\",\"iss\":\"https://{Apps.Host}/{tenant}/v2.0\",\"iat\":{Now},\"nbf\":{Now},\"exp\":{Expires},\"name\":\"User {user}\",\"oid\":\"{Uid(user)}\",\"preferred_username\":\"user{user}@contoso.com\",\"sub\":\"sub-{user}\",\"tid\":\"{tenant}\",\"ver\":\"2.0\"}}"));
        return $"{header}.{payload}.c2ln";
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
