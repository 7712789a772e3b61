using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.IntegrationTests.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Auth.IntegrationTests.PublicClient;

/// <summary>User flows at Trace with PII on: no password, code, verifier or token in any log line or exception.</summary>
[TestFixture]
public sealed class UserFlowSecretsTests : PublicClientFixture
{
    [Test]
    public async Task UserFlows_LogNoSecret()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var app = App(time: time, logging: factory);
        var user = Authority.DefaultUser;

        var ropc = await app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = user.Username, Password = user.Password });
        var interactive = await app.AcquireTokenInteractiveAsync(new InteractiveRequest
        {
            Scopes = ["api://other/write"],
            OpenBrowser = async (url, ct) =>
            {
                using var browser = LoopbackBrowser();
                await browser.GetStringAsync(await AuthorizeAsync(url), ct);
            },
        });
        time.Advance(TimeSpan.FromHours(1));
        var refreshed = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = Scopes, Account = ropc.Account! });
        var wrong = await FluentActions.Awaiting(() => app.AcquireTokenByUsernamePasswordAsync(new UsernamePasswordRequest { Scopes = Scopes, Username = user.Username, Password = "Wr0ng-Passw0rd" }))
            .Should().ThrowAsync<AuthException>();

        var sent = Authority.TokenRequests.SelectMany(r => r.Form.Where(f => f.Key is "code" or "code_verifier" or "refresh_token" or "password").Select(f => f.Value)).ToList();
        var secrets = sent.Concat([ropc.AccessToken, ropc.IdToken!, interactive.AccessToken, refreshed.AccessToken, "Wr0ng-Passw0rd"]).ToList();
        var everything = string.Join('\n', logs.Lines) + wrong.Which;
        sent.Should().HaveCountGreaterThanOrEqualTo(5, "password, code, verifier and refresh token were all sent");
        logs.Lines.Should().NotBeEmpty();
        foreach (var secret in secrets)
        {
            everything.Should().NotContain(secret.Length > 40 ? secret[^40..] : secret);
        }
    }
}
