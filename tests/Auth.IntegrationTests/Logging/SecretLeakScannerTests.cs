using Auth.Common.Errors;
using Microsoft.Extensions.Logging;

namespace Auth.IntegrationTests.Logging;

/// <summary>The leak detector of the secrets matrix catches planted secrets, in every form, through a real logger.</summary>
[TestFixture]
public sealed class SecretLeakScannerTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2VuLTEyMzQ1Njc4OTA";
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk+/=";

    [TestCase("access token {0}", Jwt, "whole")]
    [TestCase("signature only: {0}", "c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2VuLTEyMzQ1Njc4OTA", "JWT signature")]
    [TestCase("tail only: ...{0}", "mB92K27uhbUJU1p1r_wW1gFWFOEjXk+/=", "tail")]
    [TestCase("form body code_verifier={0}", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk%2B%2F%3D", "URL-encoded")]
    public void Find_SecretPlantedInALogLine_IsCaught(string template, string planted, string form)
    {
        var logs = new CapturingLoggerProvider();
        var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, planted);
        using (var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)))
        {
            factory.CreateLogger("planted").Log(LogLevel.Trace, new EventId(1), line, null, (state, _) => state);
        }

        var leaks = SecretLeakScanner.Find(
            [(SecretKind.AccessToken, Jwt), (SecretKind.CodeVerifier, Verifier)],
            logs.Lines.Select(l => ("log", l)));

        leaks.Should().Contain(l => l.Contains($"({form})", StringComparison.Ordinal));
    }

    [Test]
    public void Find_SecretInAnInnerExceptionOrLogScope_IsCaught()
    {
        var logs = new CapturingLoggerProvider();
        var error = new AuthClientException("x", "outer", new InvalidOperationException($"inner {Verifier}"));
        using (var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)))
        {
            var logger = factory.CreateLogger("planted");
            using (logger.BeginScope(new Dictionary<string, object> { ["Secret"] = Jwt }))
            {
                logger.Log(LogLevel.Information, new EventId(2), "nothing here", null, (state, _) => state);
            }
        }

        var leaks = SecretLeakScanner.Find(
            [(SecretKind.AccessToken, Jwt), (SecretKind.CodeVerifier, Verifier)],
            [.. logs.Lines.Select(l => ("log", l)), ("exception ToString()", error.ToString())]);

        leaks.Should().Contain(l => l.StartsWith("CodeVerifier", StringComparison.Ordinal) && l.Contains("exception", StringComparison.Ordinal));
        leaks.Should().Contain(l => l.StartsWith("AccessToken", StringComparison.Ordinal) && l.Contains("log", StringComparison.Ordinal));
    }

    [Test]
    public void Find_NoSecret_FindsNothing()
    {
        var leaks = SecretLeakScanner.Find(
            [(SecretKind.AccessToken, Jwt), (SecretKind.Password, "P@ssw0rd!")],
            [("log", "Received a token for api://x/.default valid until 2031-01-01 (correlation id 42)")]);

        leaks.Should().BeEmpty();
    }
}
