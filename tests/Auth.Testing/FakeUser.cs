using System.Text;

namespace Auth.Testing;

/// <summary>
/// A user account of a <see cref="FakeAuthority"/>, for the user grants (auth code, device code, password, refresh).
/// Register it with <see cref="FakeAuthority.RegisterUser"/>; choose who the authorization endpoint signs in
/// with <see cref="FakeAuthority.SignInAs"/>. <see cref="ToString"/> never prints the password.
/// </summary>
public sealed record FakeUser
{
    /// <summary>The sign-in name (UPN), e.g. <c>ada@contoso.com</c>: the <c>preferred_username</c> claim. Matched case-insensitively.</summary>
    public required string Username { get; init; }

    /// <summary>The password the resource owner password credentials grant checks (case-sensitive).</summary>
    public required string Password { get; init; }

    /// <summary>The display name: the <c>name</c> claim. When empty, <see cref="Username"/> is used.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The user's object id (a GUID string): the <c>oid</c> claim and client_info <c>uid</c>. A new GUID by default.</summary>
    public string ObjectId { get; init; } = Guid.NewGuid().ToString();

    /// <summary>The user's home tenant id (a GUID string), or <see langword="null"/> for the authority's tenant; client_info <c>utid</c>.</summary>
    public string? TenantId { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Username = ").Append(Username)
            .Append(", Name = ").Append(Name)
            .Append(", ObjectId = ").Append(ObjectId)
            .Append(", TenantId = ").Append(TenantId);
        return true;
    }
}
