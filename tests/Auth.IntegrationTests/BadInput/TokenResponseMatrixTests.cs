using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;

namespace Auth.IntegrationTests.BadInput;

/// <summary>
/// Every field of a token response missing, null, of the wrong type or huge, and error pages in
/// HTML and plain text, against the FakeAuthority over HTTPS. Each row names the documented code.
/// </summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class TokenResponseMatrixTests : IDisposable
{
    private const string ClientId = "daemon-app";
    private const string Secret = "daemon-secret";
    private const string Ok = "ok";
    private static readonly ClientCredentialRequest Request = new() { Scopes = ["api://orders/.default"] };
    private static readonly string Huge = new('x', 200_000);

    private static readonly Dictionary<string, string> Valid = new()
    {
        ["access_token"] = "\"at\"",
        ["token_type"] = "\"Bearer\"",
        ["expires_in"] = "3599",
        ["ext_expires_in"] = "3599",
        ["refresh_in"] = "1800",
        ["scope"] = "\"api://orders/.default\"",
    };

    private readonly FakeAuthority _authority = FakeAuthority.Start();

    public TokenResponseMatrixTests() => _authority.RegisterClient(ClientId, Secret);

    public void Dispose() => _authority.Dispose();

    /// <summary>(field, variant, value or null to drop it, expected code or <see cref="Ok"/>).</summary>
    private static IEnumerable<TestCaseData> FieldRows()
    {
        var rows = new (string Field, string Variant, string? Value, string Expected)[]
        {
            ("access_token", "missing", null, AuthErrorCodes.InvalidResponse),
            ("access_token", "null", "null", AuthErrorCodes.InvalidResponse),
            ("access_token", "empty", "\"\"", AuthErrorCodes.InvalidResponse),
            ("access_token", "number", "42", AuthErrorCodes.InvalidResponse),
            ("access_token", "object", "{}", AuthErrorCodes.InvalidResponse),
            ("access_token", "huge", $"\"{Huge}\"", Ok),
            ("token_type", "missing", null, Ok),
            ("token_type", "null", "null", Ok),
            ("token_type", "number", "1", AuthErrorCodes.InvalidResponse),
            ("token_type", "pop", "\"pop\"", AuthErrorCodes.UnexpectedTokenType),
            ("token_type", "huge", $"\"{Huge}\"", AuthErrorCodes.UnexpectedTokenType),
            ("expires_in", "missing", null, AuthErrorCodes.InvalidResponse),
            ("expires_in", "null", "null", AuthErrorCodes.InvalidResponse),
            ("expires_in", "zero", "0", AuthErrorCodes.InvalidResponse),
            ("expires_in", "negative", "-5", AuthErrorCodes.InvalidResponse),
            ("expires_in", "text", "\"soon\"", AuthErrorCodes.InvalidResponse),
            ("expires_in", "array", "[3599]", AuthErrorCodes.InvalidResponse),
            ("expires_in", "string number", "\"3599\"", Ok),
            ("expires_in", "huge", "9223372036854775807", Ok),
            ("expires_in", "beyond long", "1e400", AuthErrorCodes.InvalidResponse),
            ("ext_expires_in", "missing", null, Ok),
            ("ext_expires_in", "wrong type", "true", AuthErrorCodes.InvalidResponse),
            ("ext_expires_in", "huge", "\"9223372036854775807\"", Ok),
            ("refresh_in", "null", "null", Ok),
            ("refresh_in", "huge", "9223372036854775807", Ok),
            ("scope", "missing", null, Ok),
            ("scope", "number", "7", AuthErrorCodes.InvalidResponse),
            ("scope", "huge", $"\"{Huge}\"", Ok),
        };
        return rows.Select(r => new TestCaseData(r.Field, r.Value, r.Expected).SetName($"Field_{r.Field}_{r.Variant.Replace(' ', '_')}_Is_{r.Expected}"));
    }

    private static IEnumerable<TestCaseData> PageRows()
    {
        const string Html = "<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>";
        const string Text = "upstream connect error or disconnect/reset before headers";
        foreach (var (kind, body, type) in new[] { ("html", Html, "text/html"), ("text", Text, "text/plain") })
        {
            yield return new TestCaseData(200, body, type, AuthErrorCodes.InvalidResponse).SetName($"Page_{kind}_200_IsInvalidResponse");
            yield return new TestCaseData(400, body, type, AuthErrorCodes.HttpStatusError).SetName($"Page_{kind}_400_IsHttpStatusError");
            yield return new TestCaseData(500, body, type, AuthErrorCodes.HttpStatusError).SetName($"Page_{kind}_500_IsHttpStatusError");
        }

        yield return new TestCaseData(200, string.Empty, "application/json", AuthErrorCodes.InvalidResponse).SetName("Body_empty_200_IsInvalidResponse");
        yield return new TestCaseData(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_tok", "application/json", AuthErrorCodes.InvalidResponse).SetName("Body_truncatedJson_200_IsInvalidResponse");
        yield return new TestCaseData(200, "[]", "application/json", AuthErrorCodes.InvalidResponse).SetName("Body_array_200_IsInvalidResponse");
        yield return new TestCaseData(400, "{\"error\":42}", "application/json", AuthErrorCodes.HttpStatusError).SetName("Body_errorOfWrongType_400_IsHttpStatusError");
        yield return new TestCaseData(200, "{\"error\":\"invalid_client\"}", "application/json", "invalid_client").SetName("Body_errorWith200_IsTheOAuthError");
        yield return new TestCaseData(302, string.Empty, "text/html", AuthErrorCodes.HttpStatusError).SetName("Status_302_IsHttpStatusError");
    }

    private ConfidentialClientApplication App() => new(new ConfidentialClientOptions
    {
        ClientId = ClientId,
        Authority = _authority.Authority,
        ClientCredential = ClientCredential.FromSecret(Secret),
        RetryDelay = TimeSpan.Zero,
        NetworkClient = new HttpClientNetworkClient(_authority.CreateHttpClient(), new HttpClientNetworkClientOptions()),
    });

    [TestCaseSource(nameof(FieldRows))]
    public async Task TokenField(string field, string? value, string expected)
    {
        var fields = new Dictionary<string, string>(Valid);
        if (value is null)
        {
            fields.Remove(field);
        }
        else
        {
            fields[field] = value;
        }

        var body = "{" + string.Join(',', fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
        _authority.EnqueueTokenResponse(FakeTokenResponse.Custom(200, body));

        await ExpectAsync(expected);
    }

    [TestCaseSource(nameof(PageRows))]
    public async Task ErrorPage(int status, string body, string contentType, string expected)
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.Custom(status, body, contentType));
        _authority.EnqueueTokenResponse(FakeTokenResponse.Custom(status, body, contentType)); // a 5xx is retried once

        var error = await ExpectAsync(expected);

        if (contentType != "application/json" && status != 302)
        {
            error!.Message.Should().Contain($"{contentType} body, not JSON");
        }
    }

    [Test]
    public async Task HugeBody_OverOneMebibyte_IsResponseTooLarge()
    {
        _authority.EnqueueTokenResponse(FakeTokenResponse.Custom(200, $"{{\"access_token\":\"{new string('x', 1_100_000)}\"}}"));

        await ExpectAsync(AuthErrorCodes.ResponseTooLarge);
    }

    private async Task<AuthException?> ExpectAsync(string expected)
    {
        var act = () => App().AcquireTokenByClientCredentialAsync(Request);
        if (expected == Ok)
        {
            var result = (await act.Should().NotThrowAsync()).Subject;
            result.ExpiresOn.Should().BeAfter(DateTimeOffset.UnixEpoch);
            return null;
        }

        var error = (await act.Should().ThrowAsync<AuthException>()).Which;
        error.Code.Should().Be(expected);
        if (typeof(AuthErrorCodes).GetFields().Any(f => Equals(f.GetValue(null), expected)))
        {
            error.Message.Should().MatchRegex("(Check|check|Retry|retry|discarded|raise)", "every library message says what to do");
        }

        return error;
    }
}
