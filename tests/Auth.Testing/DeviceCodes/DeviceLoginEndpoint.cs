using Auth.Testing.Http;
using Auth.Testing.Users;

namespace Auth.Testing.DeviceCodes;

/// <summary>
/// <c>GET|POST /devicelogin</c>: the user's side of the device authorization grant. GET shows the form (a
/// <c>?code=</c> pre-fills it); POST approves the pending code as the user whose username and password match, so the
/// device's next poll gets that user's tokens. A wrong code or password shows the form again with the reason.
/// </summary>
internal sealed class DeviceLoginEndpoint
{
    public const string WrongCode = "That code is not valid, or it has expired or been used. Check the code on your device and try again.";

    public const string WrongCredentials = "Your account or password is incorrect.";

    private readonly DeviceCodeStore _store;
    private readonly UserDirectory _users;
    private readonly TimeProvider _timeProvider;

    public DeviceLoginEndpoint(DeviceCodeStore store, UserDirectory users, TimeProvider timeProvider)
    {
        _store = store;
        _users = users;
        _timeProvider = timeProvider;
    }

    public HttpReply Handle(string method, string? query, string? contentType, string? body)
    {
        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return DeviceLoginPage.Form(FormBody.Parse(query?.TrimStart('?'), out _).GetValueOrDefault("code"), username: null, error: null);
        }

        var fields = FormBody.IsFormContentType(contentType) ? FormBody.Parse(body, out _) : [];
        var code = fields.GetValueOrDefault("code")?.Trim() ?? string.Empty;
        var username = fields.GetValueOrDefault("username")?.Trim() ?? string.Empty;
        var user = username.Length == 0 ? null : _users.Find(username);
        if (user is null || !UserDirectory.PasswordMatches(user, fields.GetValueOrDefault("password") ?? string.Empty))
        {
            return DeviceLoginPage.Form(code, username, WrongCredentials);
        }

        var entry = code.Length == 0 ? null : _store.FindByUserCode(code);
        if (entry is null || !entry.TryDecide(user, _timeProvider.GetUtcNow()))
        {
            return DeviceLoginPage.Form(code, username, WrongCode);
        }

        return DeviceLoginPage.SignedIn(user.Username, entry.ClientId);
    }
}
