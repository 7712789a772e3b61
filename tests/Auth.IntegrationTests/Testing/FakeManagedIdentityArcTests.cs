using System.Net;
using Auth.Testing;
using static Auth.IntegrationTests.Testing.ManagedIdentityWire;

namespace Auth.IntegrationTests.Testing;

/// <summary>The Azure Arc key-file challenge of <see cref="FakeManagedIdentityEndpoint"/>, over a raw <see cref="HttpClient"/>.</summary>
[TestFixture]
public sealed class FakeManagedIdentityArcTests
{
    [Test]
    public async Task AzureArc_WithoutKey_ChallengesWithAFreshKeyFileInItsDirectory()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        using var http = CreateClient(endpoint);

        using var first = await http.SendAsync(Exact(endpoint));
        using var second = await http.SendAsync(Exact(endpoint));

        first.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var path = ChallengedPath(first);
        Path.GetDirectoryName(path).Should().Be(endpoint.AzureArcKeyDirectory);
        Path.GetExtension(path).Should().Be(".key");
        new FileInfo(path).Length.Should().BeInRange(1, 4096);
        ChallengedPath(second).Should().NotBe(path);
        endpoint.TokensIssued.Should().Be(0);
    }

    [TestCase("Basic not-the-key")]
    [TestCase("Bearer {key}")]
    [TestCase("basic {key}")]
    public async Task AzureArc_WrongKey_IsChallengedAgain(string authorization)
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        using var http = CreateClient(endpoint);
        using var challenge = await http.SendAsync(Exact(endpoint));
        var key = await File.ReadAllTextAsync(ChallengedPath(challenge));
        using var request = Exact(endpoint);
        request.Headers.TryAddWithoutValidation("Authorization", authorization.Replace("{key}", key, StringComparison.Ordinal));

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        ChallengedPath(response).Should().NotBe(ChallengedPath(challenge));
    }

    [Test]
    public async Task AzureArc_KeyUsedTwice_IsChallengedTheSecondTime()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        using var http = CreateClient(endpoint);
        using var challenge = await http.SendAsync(Exact(endpoint));
        var key = await File.ReadAllTextAsync(ChallengedPath(challenge));

        using var first = await http.SendAsync(WithKey(Exact(endpoint), key));
        using var second = await http.SendAsync(WithKey(Exact(endpoint), key));

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AzureArc_ChallengeKeyFileOverride_NamesThatPathAndIssuesNoKey()
    {
        var outside = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(outside, "planted");
        try
        {
            using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
            using var http = CreateClient(endpoint);
            endpoint.ChallengeKeyFileOverride = outside;

            using var challenge = await http.SendAsync(Exact(endpoint));
            using var retry = await http.SendAsync(WithKey(Exact(endpoint), "planted"));

            ChallengedPath(challenge).Should().Be(outside);
            retry.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Test]
    public async Task AzureArc_Dispose_DeletesItsKeyDirectory()
    {
        var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        using (var http = CreateClient(endpoint))
        {
            using var challenge = await http.SendAsync(Exact(endpoint));
        }

        var directory = endpoint.AzureArcKeyDirectory!;
        endpoint.Dispose();

        Directory.Exists(directory).Should().BeFalse();
    }

    [Test]
    public async Task FailNext_AzureArc_ChallengeLegTakesNoFailure()
    {
        using var endpoint = FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = FakeManagedIdentitySource.AzureArc });
        using var http = CreateClient(endpoint);
        endpoint.FailNext(500);
        using var challenge = await http.SendAsync(Exact(endpoint));
        var key = await File.ReadAllTextAsync(ChallengedPath(challenge));

        using var failed = await http.SendAsync(WithKey(Exact(endpoint), key));
        using var retried = await http.SendAsync(WithKey(Exact(endpoint), key));

        challenge.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
