using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Auth.Testing.Errors;

namespace Auth.Testing.Tokens;

/// <summary>
/// Opaque, rotating refresh tokens (RFC 9700 §4.14.2): each is bound to a client and a user, lives 90 days and
/// can be redeemed once; the grant issues its successor. Revocation marks tokens unusable without forgetting them.
/// </summary>
internal sealed class RefreshTokenStore
{
    private const int Active = 0;
    private const int Used = 1;
    private const int Revoked = 2;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(90);

    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);

    public string Issue(UserSignIn signIn, DateTimeOffset now)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64));
        _tokens[token] = new Entry(signIn, now);
        return token;
    }

    /// <summary>Returns what an active refresh token of this client was granted, without using it up; null otherwise.</summary>
    public UserSignIn? Peek(string token, string clientId) =>
        _tokens.TryGetValue(token, out var entry) && entry.SignIn.ClientId == clientId && Volatile.Read(ref entry.State) == Active ? entry.SignIn : null;

    /// <summary>Redeems a refresh token of this client: unknown → 9002313, other client's → 70000, used → 70008, revoked → 50173, expired → 700082.</summary>
    public Redemption<UserSignIn> Redeem(string token, string clientId, DateTimeOffset now)
    {
        if (!_tokens.TryGetValue(token, out var entry))
        {
            return Redemption<UserSignIn>.Failure(AadGrantErrors.MalformedGrant());
        }

        if (entry.SignIn.ClientId != clientId)
        {
            return Redemption<UserSignIn>.Failure(AadGrantErrors.OtherClientsGrant("refresh token"));
        }

        if (Volatile.Read(ref entry.State) == Active && now >= entry.IssuedAt + Lifetime)
        {
            return Redemption<UserSignIn>.Failure(AadGrantErrors.RefreshTokenExpired(entry.IssuedAt));
        }

        return Interlocked.CompareExchange(ref entry.State, Used, Active) switch
        {
            Active => Redemption<UserSignIn>.Success(entry.SignIn),
            Used => Redemption<UserSignIn>.Failure(AadGrantErrors.RefreshTokenReused()),
            _ => Redemption<UserSignIn>.Failure(AadGrantErrors.RefreshTokenRevoked()),
        };
    }

    /// <summary>Revokes every refresh token, or those of the user with this object id.</summary>
    public void Revoke(string? objectId)
    {
        foreach (var entry in _tokens.Values)
        {
            if (objectId is null || string.Equals(entry.SignIn.User.ObjectId, objectId, StringComparison.OrdinalIgnoreCase))
            {
                Volatile.Write(ref entry.State, Revoked);
            }
        }
    }

    private sealed class Entry(UserSignIn signIn, DateTimeOffset issuedAt)
    {
        public int State;

        public UserSignIn SignIn { get; } = signIn;

        public DateTimeOffset IssuedAt { get; } = issuedAt;
    }
}
