using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Auth.Testing.Users;

/// <summary>The thread-safe set of user accounts (by case-insensitive username) and the user the browser is signed in as.</summary>
internal sealed class UserDirectory
{
    private readonly ConcurrentDictionary<string, FakeUser> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _tenantId;
    private FakeUser _signedIn;

    public UserDirectory(string tenantId)
    {
        _tenantId = tenantId;
        DefaultUser = Register(new FakeUser { Username = "ada@contoso.com", Password = "P@ssw0rd!", Name = "Ada Lovelace" });
        _signedIn = DefaultUser;
    }

    /// <summary>Registered at start: ada@contoso.com, P@ssw0rd!, Ada Lovelace, in the authority's tenant.</summary>
    public FakeUser DefaultUser { get; }

    /// <summary>The user the authorization endpoint signs in (and device codes are auto-approved as).</summary>
    public FakeUser SignedIn => Volatile.Read(ref _signedIn);

    /// <summary>Adds or replaces the account with this username; returns it with <see cref="FakeUser.TenantId"/> filled in.</summary>
    public FakeUser Register(FakeUser user)
    {
        var normalized = Normalize(user);
        _users[normalized.Username] = normalized;
        return normalized;
    }

    public void SignInAs(FakeUser user) => Volatile.Write(ref _signedIn, Register(user));

    public FakeUser? Find(string username) => _users.TryGetValue(username, out var user) ? user : null;

    /// <summary>The registered user with this object id (GUIDs compared by value), or <see langword="null"/>.</summary>
    public FakeUser? FindByObjectId(string objectId)
    {
        if (!Guid.TryParse(objectId, out var wanted))
        {
            return null;
        }

        return _users.Values.FirstOrDefault(user => Guid.TryParse(user.ObjectId, out var id) && id == wanted);
    }

    public static bool PasswordMatches(FakeUser user, string password) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(user.Password), Encoding.UTF8.GetBytes(password));

    /// <summary>Validates a user given by a test and fills in the tenant id.</summary>
    public FakeUser Normalize(FakeUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(user.Username, nameof(user));
        ArgumentException.ThrowIfNullOrEmpty(user.Password, nameof(user));
        if (!Guid.TryParse(user.ObjectId, out _))
        {
            throw new ArgumentException("The user's ObjectId must be a GUID.", nameof(user));
        }

        if (user.TenantId is not null && !Guid.TryParse(user.TenantId, out _))
        {
            throw new ArgumentException("The user's TenantId must be a GUID.", nameof(user));
        }

        return user.TenantId is null ? user with { TenantId = _tenantId } : user;
    }
}
