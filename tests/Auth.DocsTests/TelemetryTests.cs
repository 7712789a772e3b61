using System.Diagnostics;
using Auth.Common.Requests;
using Auth.Docs.Snippets;
using Auth.Server;
using Auth.Server.Network;
using Auth.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Auth.DocsTests;

/// <summary>docs/telemetry.md: the OpenTelemetry SDK, set up as the page shows, exports the Auth meter's instruments and activities.</summary>
[TestFixture]
public sealed class TelemetryTests
{
    [Test]
    public async Task OpenTelemetrySdk_ExportsTheAuthInstrumentsAndActivities_AfterAnAcquisition()
    {
        var metrics = new List<Metric>();
        var activities = new List<Activity>();
        var services = new ServiceCollection();
        TelemetryExamples.AddOpenTelemetry(services, metrics, activities);
        await using var provider = services.BuildServiceProvider();
        var meterProvider = provider.GetRequiredService<MeterProvider>();   // what the host's hosted service resolves at start
        var tracerProvider = provider.GetRequiredService<TracerProvider>();

        await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { Hosts = ["login.microsoftonline.com"] });
        fake.RegisterClient("orders-daemon", "test-secret");
        var app = new ConfidentialClientApplication(new ConfidentialClientOptions
        {
            ClientId = "orders-daemon",
            Authority = "https://login.microsoftonline.com/contoso.onmicrosoft.com",
            ClientCredential = ClientCredential.FromSecret("test-secret"),
            NetworkClient = new HttpClientNetworkClient(fake.CreateHttpClient()),
        });
        var request = new ClientCredentialRequest { Scopes = ["api://orders/.default"] };
        await app.AcquireTokenByClientCredentialAsync(request);
        await app.AcquireTokenByClientCredentialAsync(request);
        meterProvider.ForceFlush().Should().BeTrue();
        tracerProvider.ForceFlush().Should().BeTrue();

        metrics.Select(m => m.Name).Should().Contain(["auth.token.acquisition.duration", "auth.cache.hits", "auth.cache.misses", "auth.token_requests"]);
        metrics.Should().OnlyContain(m => m.MeterName == "Auth");
        activities.Select(a => a.DisplayName).Should().Contain(["Auth.AcquireToken client_credentials", "Auth.Request token"]);
        activities.Should().Contain(a => a.DisplayName == "Auth.Request token" && (string?)a.GetTagItem("auth.grant_type") == "client_credentials");
    }
}
