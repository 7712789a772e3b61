using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Platform;
using Auth.Common.Requests;
using Auth.Common.Tests.TestDoubles;

namespace Auth.Common.Tests.ManagedIdentity;

/// <summary>Azure Arc's challenge: the key file it names is read only in the agent's directory, with .key, up to 4096 bytes.</summary>
[TestFixture]
[FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
public sealed class AzureArcKeyFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("arc-").FullName;

    private string KeyDirectory => Path.Join(_root, "tokens") + Path.DirectorySeparatorChar;

    public AzureArcKeyFileTests() => Directory.CreateDirectory(KeyDirectory);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task KeyInTheAgentsDirectory_IsSentBackAsBasic()
    {
        var key = Write(Path.Join(KeyDirectory, "abc.key"), "the-arc-key");
        var network = Arc(key);

        var result = await Client(network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        result.AccessToken.Should().Be("mi-token");
        var requests = network.Requests.ToList();
        requests.Should().HaveCount(2);
        requests[0].Headers.Should().NotContainKey("Authorization");
        requests[1].Headers["Authorization"].Should().Be("Basic the-arc-key");
        requests[1].ToString().Should().NotContain("the-arc-key");
    }

    [TestCase("outside", AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory)]
    [TestCase("traversal", AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory)]
    [TestCase("subdirectory", AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory)]
    [TestCase("relative", AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory)]
    [TestCase("extension", AuthErrorCodes.ManagedIdentityKeyFileExtension)]
    [TestCase("too-big", AuthErrorCodes.ManagedIdentityKeyFileTooLarge)]
    [TestCase("missing", AuthErrorCodes.ManagedIdentityKeyFileUnreadable)]
    public async Task KeyFileBreakingARule_IsRefused_WithItsOwnCode_AndNothingIsSent(string rule, string code)
    {
        var path = rule switch
        {
            "outside" => Write(Path.Join(_root, "secret.key"), "x"),
            "traversal" => Path.Join(KeyDirectory, "..", "secret.key"),
            "subdirectory" => Write(Path.Join(Directory.CreateDirectory(Path.Join(KeyDirectory, "sub")).FullName, "a.key"), "x"),
            "relative" => "tokens/a.key",
            "extension" => Write(Path.Join(KeyDirectory, "passwd"), "x"),
            "too-big" => Write(Path.Join(KeyDirectory, "big.key"), new string('k', 4097)),
            _ => Path.Join(KeyDirectory, "gone.key"),
        };
        if (rule == "traversal")
        {
            Write(Path.Join(_root, "secret.key"), "x");
        }

        var network = Arc(path);

        var act = () => Client(network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(code);
        network.Requests.Should().ContainSingle("the challenge is not answered");
    }

    [Test]
    public async Task KeyOfExactly4096Bytes_IsAccepted()
    {
        var network = Arc(Write(Path.Join(KeyDirectory, "max.key"), new string('k', 4096)));

        var result = await Client(network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        result.AccessToken.Should().Be("mi-token");
    }

    [TestCase(null)]
    [TestCase("Bearer realm=x")]
    [TestCase("Basic realm=")]
    public async Task ChallengeWithoutAKeyFile_IsChallengeInvalid(string? header)
    {
        var network = new RecordingNetworkClient(_ => header is null
            ? RecordingNetworkClient.Json(401, "")
            : RecordingNetworkClient.Json(401, "", ("WWW-Authenticate", header)));

        var act = () => Client(network).AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthServiceException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityChallengeInvalid);
    }

    [Test]
    public async Task OsWithoutAnArcKeyDirectory_AnswersNoChallenge()
    {
        var network = Arc(Write(Path.Join(KeyDirectory, "abc.key"), "k"));
        var client = ManagedIdentityHarness.Client(ManagedIdentitySource.AzureArc, network, keyDirectory: null);

        var act = () => client.AcquireTokenAsync(new ManagedIdentityRequest { Resource = "https://vault.azure.net" });

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory);
    }

    private static string Write(string path, string content)
    {
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Plays the Arc agent: a 401 naming <paramref name="keyPath"/>, then a token for the right key.</summary>
    private static RecordingNetworkClient Arc(string keyPath) =>
        new(request =>
        {
            if (!request.Headers.TryGetValue("Authorization", out var authorization))
            {
                return RecordingNetworkClient.Json(401, "", ("WWW-Authenticate", "Basic realm=" + keyPath));
            }

            return authorization == "Basic " + File.ReadAllText(keyPath)
                ? RecordingNetworkClient.Json(200, ManagedIdentityHarness.Token(1_800_086_400))
                : RecordingNetworkClient.Json(401, "", ("WWW-Authenticate", "Basic realm=" + keyPath));
        });

    private ManagedIdentityClient Client(INetworkClient network) =>
        ManagedIdentityHarness.Client(ManagedIdentitySource.AzureArc, network, keyDirectory: KeyDirectory);
}
