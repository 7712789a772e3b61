using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.IntegrationTests.Testing;
using Auth.Server;
using Auth.Testing;

namespace Auth.IntegrationTests.ManagedIdentity;

/// <summary>
/// Every source × the system-assigned identity and every user-assigned kind, over real HTTP(S) on loopback against
/// <see cref="FakeManagedIdentityEndpoint"/>, which refuses anything but each source's exact wire format: the kinds a
/// source supports get their own identity's token (then a cache hit), the kinds it does not are refused before sending.
/// </summary>
[TestFixture]
public sealed class ManagedIdentityEndToEndTests
{
    private const string Resource = "https://management.azure.com";

    public static IEnumerable<TestCaseData> Cases()
    {
        var supported = new Dictionary<FakeManagedIdentitySource, ManagedIdentityIdKind[]>
        {
            [FakeManagedIdentitySource.Imds] = [ManagedIdentityIdKind.ClientId, ManagedIdentityIdKind.ResourceId, ManagedIdentityIdKind.ObjectId],
            [FakeManagedIdentitySource.AppService] = [ManagedIdentityIdKind.ClientId, ManagedIdentityIdKind.ResourceId, ManagedIdentityIdKind.ObjectId],
            [FakeManagedIdentitySource.AzureArc] = [],
            [FakeManagedIdentitySource.CloudShell] = [],
            [FakeManagedIdentitySource.ServiceFabric] = [ManagedIdentityIdKind.ObjectId],
            [FakeManagedIdentitySource.MachineLearning] = [ManagedIdentityIdKind.ClientId],
        };
        foreach (var (source, kinds) in supported)
        {
            foreach (var kind in Enum.GetValues<ManagedIdentityIdKind>())
            {
                var ok = kind == ManagedIdentityIdKind.SystemAssigned || kinds.Contains(kind);
                yield return new TestCaseData(source, kind, ok).SetArgDisplayNames(source.ToString(), kind.ToString(), ok ? "Supported" : "Refused");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Source_Identity_GetsItsOwnToken_OrIsRefusedBeforeSending(FakeManagedIdentitySource source, ManagedIdentityIdKind kind, bool supported)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        var identity = kind == ManagedIdentityIdKind.SystemAssigned ? endpoint.SystemAssigned : endpoint.AddUserAssigned("ua");
        var app = App(endpoint, Id(kind, identity));

        var act = () => app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource + "/.default" });

        app.GetManagedIdentitySource().ToString().Should().Be(source.ToString());
        if (!supported)
        {
            var error = (await act.Should().ThrowAsync<AuthClientException>()).Which;
            error.Code.Should().Be(AuthErrorCodes.ManagedIdentityIdNotSupported);
            error.Message.Should().Contain(source.ToString());
            endpoint.Requests.Should().BeEmpty("nothing is sent, and nothing falls back to the system-assigned identity");
            return;
        }

        var first = await act();
        var second = await act();

        first.Source.Should().Be(TokenSource.IdentityProvider);
        JwtInspector.VerifiesWith(first.AccessToken, endpoint.JwksJson).Should().BeTrue();
        var claims = JwtInspector.Payload(first.AccessToken);
        claims.GetProperty("aud").GetString().Should().Be(Resource);
        claims.GetProperty("sub").GetString().Should().Be(identity.ObjectId, "the token is the named identity's");
        second.Source.Should().Be(TokenSource.Cache);
        second.AccessToken.Should().Be(first.AccessToken);
        endpoint.TokensIssued.Should().Be(1);
    }

    [Test]
    public async Task ServiceFabric_WithAnotherThumbprint_IsRefused_AndTheSecretIsNeverSent()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.ServiceFabric });
        var environment = new Dictionary<string, string>(endpoint.EnvironmentVariables) { ["IDENTITY_SERVER_THUMBPRINT"] = new string('A', 40) };
        var app = App(endpoint, ManagedIdentityId.SystemAssigned, environment);

        var act = () => app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityCertificateMismatch);
        endpoint.Requests.Should().BeEmpty();
    }

    [TestCase("outside", AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory)]
    [TestCase("extension", AuthErrorCodes.ManagedIdentityKeyFileExtension)]
    [TestCase("too-big", AuthErrorCodes.ManagedIdentityKeyFileTooLarge)]
    public async Task AzureArc_ChallengeNamingABadKeyFile_IsRefusedWithItsOwnCode(string rule, string code)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        var elsewhere = Directory.CreateTempSubdirectory("arc-elsewhere-").FullName;
        try
        {
            endpoint.ChallengeKeyFileOverride = rule switch
            {
                "outside" => Write(Path.Join(elsewhere, "stolen.key"), "secret"),
                "extension" => Write(Path.Join(endpoint.AzureArcKeyDirectory!, "passwd"), "secret"),
                _ => Write(Path.Join(endpoint.AzureArcKeyDirectory!, "big.key"), new string('k', 4097)),
            };
            var app = App(endpoint, ManagedIdentityId.SystemAssigned);

            var act = () => app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource });

            (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(code);
            endpoint.Requests.Should().ContainSingle("the challenge is not answered");
            endpoint.Requests.Single().Headers.Should().NotContainKey("Authorization");
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [TestCase(FakeManagedIdentitySource.Imds, 500, 2, 3)]
    [TestCase(FakeManagedIdentitySource.Imds, 410, 3, 4)]
    [TestCase(FakeManagedIdentitySource.Imds, 404, 1, 2)]
    [TestCase(FakeManagedIdentitySource.AppService, 503, 3, 4)]
    [TestCase(FakeManagedIdentitySource.AppService, 429, 1, 2)]
    [TestCase(FakeManagedIdentitySource.CloudShell, 500, 1, 2)]
    public async Task TransientFailures_AreRetried_ThenTheTokenArrives(FakeManagedIdentitySource source, int status, int failures, int requests)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = source });
        endpoint.FailNext(status, failures, retryAfter: status == 429 ? TimeSpan.Zero : null);

        var result = await App(endpoint, ManagedIdentityId.SystemAssigned).AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource });

        result.Source.Should().Be(TokenSource.IdentityProvider);
        endpoint.Requests.Should().HaveCount(requests);
    }

    [Test]
    public async Task PersistentFailure_EndsTyped_AfterTheBoundedRetries()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AppService });
        endpoint.FailNext(500, times: 100);

        var act = () => App(endpoint, ManagedIdentityId.SystemAssigned).AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource });

        var error = (await act.Should().ThrowAsync<AuthServiceException>()).Which;
        error.Code.Should().Be(AuthErrorCodes.ManagedIdentityRequestFailed);
        error.StatusCode.Should().Be(500);
        error.Message.Should().Contain("AppService");
        endpoint.Requests.Should().HaveCount(4);
    }

    [Test]
    public async Task UnknownUserAssignedIdentity_IsNotFound()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.Imds });

        var act = () => App(endpoint, ManagedIdentityId.FromUserAssignedClientId(Guid.NewGuid().ToString()))
            .AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource });

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityNotFound);
    }

    [Test]
    public async Task NoEndpointListening_IsUnavailable()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var app = new ManagedIdentityApplication(new ManagedIdentityOptions
        {
            Platform = new ManagedIdentityPlatform(new Dictionary<string, string> { ["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = $"http://127.0.0.1:{port}" }),
            RetryDelay = TimeSpan.Zero,
        });

        var act = () => app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityUnavailable);
    }

    [Test]
    public async Task ConcurrentMisses_ShareOneRequest()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AppService });
        endpoint.Delay(TimeSpan.FromMilliseconds(300));
        var app = App(endpoint, ManagedIdentityId.SystemAssigned);

        var results = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => app.AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource })));

        endpoint.Requests.Should().ContainSingle();
        results.Select(r => r.AccessToken).Distinct().Should().ContainSingle();
    }

    [TestCase(true, false, null)]
    [TestCase(false, true, null)]
    [TestCase(true, true, 600)]
    public async Task EveryExpiryForm_IsRead(bool expiresOnAsString, bool includeExpiresIn, int? refreshInSeconds)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions
        {
            Source = FakeManagedIdentitySource.AppService,
            ExpiresOnAsString = expiresOnAsString,
            IncludeExpiresIn = includeExpiresIn,
            RefreshIn = refreshInSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        });
        var before = TimeProvider.System.GetUtcNow();

        var result = await App(endpoint, ManagedIdentityId.SystemAssigned).AcquireTokenForManagedIdentityAsync(new ManagedIdentityRequest { Resource = Resource });

        result.ExpiresOn.Should().BeCloseTo(before.AddHours(24), TimeSpan.FromSeconds(10));
        result.RefreshOn.Should().BeCloseTo(refreshInSeconds is { } r ? before.AddSeconds(r) : before.AddHours(12), TimeSpan.FromSeconds(10));
    }

    private static string Write(string path, string content)
    {
        File.WriteAllText(path, content);
        return path;
    }

    private static ManagedIdentityId Id(ManagedIdentityIdKind kind, FakeManagedIdentity identity) => kind switch
    {
        ManagedIdentityIdKind.ClientId => ManagedIdentityId.FromUserAssignedClientId(identity.ClientId),
        ManagedIdentityIdKind.ResourceId => ManagedIdentityId.FromUserAssignedResourceId(identity.ResourceId),
        ManagedIdentityIdKind.ObjectId => ManagedIdentityId.FromUserAssignedObjectId(identity.ObjectId),
        _ => ManagedIdentityId.SystemAssigned,
    };

    private static ManagedIdentityApplication App(FakeManagedIdentityEndpoint endpoint, ManagedIdentityId id, IReadOnlyDictionary<string, string>? environment = null) =>
        new(new ManagedIdentityOptions
        {
            Identity = id,
            Platform = new FakeHostPlatform(endpoint, environment),
            RetryDelay = TimeSpan.Zero,
        });
}
