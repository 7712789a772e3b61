using Auth.Extensions.Persistence;
using Auth.Extensions.Tests.TestDoubles;

namespace Auth.Extensions.Tests.Persistence;

[TestFixture]
public sealed class FilePersistenceTests
{
    [Test]
    public async Task SaveAsync_ThenLoadAsync_RoundTripsInOwnerOnlyFile()
    {
        using var dir = new TempDirectory();
        var persistence = new FilePersistence(Path.Combine(dir.Path, "sub", "tokens.json"));

        await persistence.SaveAsync("""{"Account":{}}""");

        (await persistence.LoadAsync()).Should().Be("""{"Account":{}}""");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(Path.Combine(dir.Path, "sub", "tokens.json")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Test]
    public async Task LoadAsync_NotJson_IsSetAsideAndStartsEmpty()
    {
        using var dir = new TempDirectory();
        using var logs = new CapturingLoggerFactory();
        await File.WriteAllTextAsync(dir.CacheFile, "{ truncated");

        var loaded = await new FilePersistence(dir.CacheFile, logs).LoadAsync();

        loaded.Should().BeNull();
        File.Exists(dir.CacheFile + ".corrupt").Should().BeTrue();
        logs.Warnings.Should().ContainSingle(e => e.EventId == 3120);
    }

    [Test]
    public async Task DeleteAsync_ThenVerifyAsync_NoFileAndUsable()
    {
        using var dir = new TempDirectory();
        var persistence = new FilePersistence(dir.CacheFile);
        await persistence.SaveAsync("{}");

        await persistence.DeleteAsync();
        var verification = await persistence.VerifyAsync();

        File.Exists(dir.CacheFile).Should().BeFalse();
        verification.IsUsable.Should().BeTrue();
    }
}
