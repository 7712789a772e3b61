using System.Security.Cryptography;
using System.Text;
using Auth.Testing.Http;

namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Checks a request against its source's <see cref="SourceRules"/>, in the order a source would: path, method,
/// required headers, repeated parameters, <c>api-version</c>, <c>resource</c>, then the identity
/// (<see cref="IdentitySelector"/>). The first failed check answers, in the source's error shape.
/// </summary>
internal sealed class SourceRequestValidator
{
    private readonly SourceRules _rules;
    private readonly IdentitySelector _identities;

    public SourceRequestValidator(SourceRules rules, IdentityDirectory directory)
    {
        _rules = rules;
        _identities = new IdentitySelector(rules, directory);
    }

    public MiDecision Validate(MiCall call)
    {
        var request = call.Request;
        if (!string.Equals(request.Path, _rules.Path, StringComparison.Ordinal))
        {
            return Refuse(404, "NotFound", $"No managed identity endpoint at '{request.Path}'.");
        }

        if (request.Method != _rules.Method)
        {
            var refusal = MiErrors.Write(_rules.ErrorShape, 405, "MethodNotAllowed", $"The method {request.Method} is not allowed; use {_rules.Method}.");
            return MiDecision.Refuse(refusal.WithHeader("Allow", _rules.Method));
        }

        var problem = CheckHeaders(call) ?? CheckParameters(call);
        if (problem is not null)
        {
            return MiDecision.Refuse(problem);
        }

        var resource = _rules.ResourceInForm ? request.Form.GetValueOrDefault("resource") : call.Query("resource");
        if (string.IsNullOrWhiteSpace(resource))
        {
            return Refuse(400, _rules.BadRequestCode, "Required audience parameter not specified ('resource').");
        }

        return _identities.Select(call, resource);
    }

    private HttpReply? CheckHeaders(MiCall call)
    {
        if (_rules.RejectsForwardedFor && call.Header("X-Forwarded-For") is not null)
        {
            return MiErrors.Write(_rules.ErrorShape, 400, _rules.BadRequestCode, "Request contains an X-Forwarded-For header and is refused.");
        }

        foreach (var header in _rules.Headers)
        {
            var value = call.Header(header.Name);
            if (value is null || !FixedTimeEquals(value, header.Value))
            {
                return MiErrors.Write(_rules.ErrorShape, value is null ? header.MissingStatus : header.WrongStatus, header.Code, header.Message);
            }
        }

        return null;
    }

    private HttpReply? CheckParameters(MiCall call)
    {
        if (call.DuplicateParameter is { } duplicate)
        {
            return MiErrors.Write(_rules.ErrorShape, 400, _rules.BadRequestCode, $"The parameter '{duplicate}' was included more than once.");
        }

        if (_rules.ApiVersion is null)
        {
            return null;
        }

        var version = call.Query("api-version");
        return version == _rules.ApiVersion
            ? null
            : MiErrors.Write(_rules.ErrorShape, 400, _rules.BadRequestCode, version is null
                ? $"Required parameter 'api-version' not specified; this endpoint serves {_rules.ApiVersion}."
                : $"The api-version '{version}' is not supported; this endpoint serves {_rules.ApiVersion}.");
    }

    private MiDecision Refuse(int statusCode, string code, string message) =>
        MiDecision.Refuse(MiErrors.Write(_rules.ErrorShape, statusCode, code, message));

    private static bool FixedTimeEquals(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
