using System.Runtime.Versioning;
using System.Security.Cryptography;
using Auth.Common.Errors;
using Auth.Extensions.Persistence;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>
/// The libsecret key store against a real gnome-keyring daemon on a D-Bus session bus:
/// build/test.sh runs this project under dbus-run-session with an unlocked keyring.
/// </summary>
[TestFixture]
[SupportedOSPlatform("linux")]
[Platform(Include = "Linux")]
public sealed class LibSecretKeyStoreTests
{
    [OneTimeSetUp]
    public void RequireSession()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS")))
        {
            Assert.Fail("No D-Bus session bus: run build/test.sh, or dbus-run-session -- bash -c 'echo -n test | gnome-keyring-daemon --unlock --components=secrets; dotnet test tests/Auth.Extensions.Tests'.");
        }
    }

    [Test]
    public async Task StoreKeyAsync_ThenLoadKeyAsync_RoundTripsThroughTheKeyring()
    {
        var store = NewStore();
        var key = RandomNumberGenerator.GetBytes(32);

        await store.StoreKeyAsync(key);
        var loaded = await NewStore(store).LoadKeyAsync();
        await store.DeleteKeyAsync();
        var afterDelete = await store.LoadKeyAsync();

        loaded.Should().Equal(key);
        afterDelete.Should().BeNull();
    }

    [Test]
    public async Task LoadKeyAsync_OtherAttributeValue_IsAnotherItem()
    {
        var store = NewStore();
        await store.StoreKeyAsync(RandomNumberGenerator.GetBytes(32));

        var other = await NewStore().LoadKeyAsync();
        await store.DeleteKeyAsync();

        other.Should().BeNull();
    }

    [Test]
    public async Task EncryptedFilePersistence_WithKeyring_NewInstanceReadsTheCache()
    {
        using var dir = new TempDirectory();
        var store = NewStore();
        await new EncryptedFilePersistence(dir.CacheFile, store).SaveAsync("""{"AccessToken":{}}""");

        var loaded = await new EncryptedFilePersistence(dir.CacheFile, NewStore(store)).LoadAsync();
        var key = await store.LoadKeyAsync();
        await store.DeleteKeyAsync();

        loaded.Should().Be("""{"AccessToken":{}}""");
        key.Should().HaveCount(32);
    }

    [Test]
    public async Task VerifyAsync_RunningKeyring_IsUsableAndLeavesNoProbe()
    {
        using var dir = new TempDirectory();
        var store = NewStore();

        var verification = await new PersistenceBuilder(dir.CacheFile).WithKeyStore(store).VerifyAsync();

        verification.Should().Be(PersistenceVerification.Usable);
        (await store.ForProbe().LoadKeyAsync()).Should().BeNull();
        Directory.GetFiles(dir.Path).Should().BeEmpty();
    }

    [Test]
    public async Task VerifyAsync_NoDBusSession_SaysSo()
    {
        using var dir = new TempDirectory();
        using var worker = WorkerProcess.Start(
            new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = null, ["XDG_RUNTIME_DIR"] = null, ["DISPLAY"] = null },
            "verify-libsecret",
            dir.CacheFile);

        var output = await worker.WaitForExitAsync();

        output.Should().Contain("usable=False").And.Contain($"code={PersistenceErrorCodes.KeyStoreUnavailable}").And.Contain("no D-Bus session bus");
    }

    [Test]
    public async Task StoreKeyAsync_UnknownCollection_ThrowsTypedException()
    {
        var act = () => new LibSecretKeyStore(new LibSecretKeyStoreOptions
        {
            SchemaName = "org.auth.tests.TokenCache",
            Attributes = new Dictionary<string, string> { ["cache"] = "x" },
            Collection = "/org/freedesktop/secrets/collection/does_not_exist_" + Guid.NewGuid().ToString("N"),
        }).StoreKeyAsync(new byte[32]);

        var thrown = await act.Should().ThrowAsync<AuthClientException>();

        thrown.Which.Code.Should().StartWith("key_store_");
        thrown.Which.Message.Should().Contain("libsecret said");
    }

    private static LibSecretKeyStore NewStore(LibSecretKeyStore? same = null) => same is not null
        ? new LibSecretKeyStore(same.Options)
        : new LibSecretKeyStore(new LibSecretKeyStoreOptions
        {
            SchemaName = "org.auth.tests.TokenCache",
            Attributes = new Dictionary<string, string> { ["cache"] = Guid.NewGuid().ToString("N"), ["purpose"] = "test" },
        });
}
