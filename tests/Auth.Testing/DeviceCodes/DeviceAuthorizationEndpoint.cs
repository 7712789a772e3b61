using Auth.Testing.Clients;
using Auth.Testing.Endpoints;
using Auth.Testing.Errors;
using Auth.Testing.Http;
using Auth.Testing.Tokens;
using Auth.Testing.Users;

namespace Auth.Testing.DeviceCodes;

/// <summary>
/// <c>POST /{tenant}/oauth2/v2.0/devicecode</c> (AD FS <c>/adfs/oauth2/devicecode</c>; RFC 8628 §3.1-3.2) in Entra ID's shape: form <c>client_id</c>
/// (a registered client; no client authentication) and <c>scope</c>; answers <c>user_code</c>, <c>device_code</c>,
/// <c>verification_uri</c>, <c>expires_in</c>, <c>interval</c> and <c>message</c>.
/// </summary>
internal sealed class DeviceAuthorizationEndpoint
{
    private readonly ClientRegistry _clients;
    private readonly DeviceCodeStore _store;
    private readonly DeviceCodeSettings _settings;
    private readonly UserDirectory _users;
    private readonly ErrorReplyWriter _errors;

    public DeviceAuthorizationEndpoint(ClientRegistry clients, DeviceCodeStore store, DeviceCodeSettings settings, UserDirectory users, ErrorReplyWriter errors)
    {
        _clients = clients;
        _store = store;
        _settings = settings;
        _users = users;
        _errors = errors;
    }

    public HttpReply Handle(AuthorityProfile profile, string? contentType, string? body, IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        headers.TryGetValue("client-request-id", out var clientRequestId);
        var error = Validate(profile.Tenant, contentType, body, out var clientId, out var scope);
        if (error is not null)
        {
            return _errors.Write(error, clientRequestId);
        }

        var interval = _settings.PollInterval.WholeSeconds;
        var lifetime = _settings.Lifetime.WholeSeconds;
        var approveAs = _settings.AutoApprove ? _users.SignedIn : null;
        var entry = _store.Issue(clientId!, scope!, now, TimeSpan.FromSeconds(lifetime), TimeSpan.FromSeconds(interval), approveAs);
        var verificationUri = profile.DeviceVerificationUri;
        var json = JsonText.Object(writer =>
        {
            writer.WriteString("user_code", entry.UserCode);
            writer.WriteString("device_code", entry.DeviceCode);
            writer.WriteString("verification_uri", verificationUri);
            writer.WriteNumber("expires_in", lifetime);
            writer.WriteNumber("interval", interval);
            writer.WriteString("message", $"To sign in, use a web browser to open the page {verificationUri} and enter the code {entry.UserCode} to authenticate.");
        });

        return HttpReply.Json(200, json).NoStore();
    }

    private AadError? Validate(string tenant, string? contentType, string? body, out string? clientId, out string? scope)
    {
        clientId = null;
        scope = null;
        if (!FormBody.IsFormContentType(contentType))
        {
            return AadErrors.MalformedRequest("The request body must be application/x-www-form-urlencoded.");
        }

        var form = FormBody.Parse(body, out var duplicate);
        if (duplicate is not null)
        {
            return AadErrors.MalformedRequest($"The parameter '{duplicate}' was included more than once.");
        }

        clientId = form.GetValueOrDefault("client_id");
        scope = form.GetValueOrDefault("scope");
        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(scope))
        {
            return AadErrors.MissingParameter(string.IsNullOrEmpty(clientId) ? "client_id" : "scope");
        }

        if (_clients.Find(clientId) is null)
        {
            return AadErrors.UnknownClient(clientId, tenant);
        }

        return ScopeSet.TryParse(scope, out _, out var scopeError) ? null : scopeError;
    }
}
