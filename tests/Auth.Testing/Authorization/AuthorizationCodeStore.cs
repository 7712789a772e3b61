using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.Authorization;

/// <summary>Issued authorization codes: opaque, bound to a client, valid 10 minutes, redeemable once (RFC 6749 §4.1.2).</summary>
internal sealed class AuthorizationCodeStore
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, Entry> _codes = new(StringComparer.Ordinal);

    public string Issue(AuthorizationCode code)
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));
        _codes[value] = new Entry(code);
        return value;
    }

    /// <summary>Whether this store issued <paramref name="code"/> (redeemed or not), without using it up.</summary>
    public bool Holds(string code) => _codes.ContainsKey(code);

    /// <summary>
    /// Redeems a code for its client; any attempt by that client uses the code up, even one that fails later checks.
    /// Unknown → 9002313, other client's → 70000 (not used up), already redeemed → 54005, expired → 70008.
    /// </summary>
    public Redemption<AuthorizationCode> Redeem(string code, string clientId, DateTimeOffset now)
    {
        if (!_codes.TryGetValue(code, out var entry))
        {
            return Redemption<AuthorizationCode>.Failure(AadGrantErrors.MalformedGrant());
        }

        if (entry.Code.SignIn.ClientId != clientId)
        {
            return Redemption<AuthorizationCode>.Failure(AadGrantErrors.OtherClientsGrant("authorization code"));
        }

        if (Interlocked.Exchange(ref entry.Redeemed, 1) == 1)
        {
            return Redemption<AuthorizationCode>.Failure(AadGrantErrors.CodeRedeemed());
        }

        return now >= entry.Code.ExpiresAt
            ? Redemption<AuthorizationCode>.Failure(AadErrors.InvalidGrant())
            : Redemption<AuthorizationCode>.Success(entry.Code);
    }

    private sealed class Entry(AuthorizationCode code)
    {
        public int Redeemed;

        public AuthorizationCode Code { get; } = code;
    }
}
