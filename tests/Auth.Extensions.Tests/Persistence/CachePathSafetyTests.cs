using System.Runtime.Versioning;
using System.Security.Cryptography;
using Auth.Common.Errors;
using Auth.Extensions.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>
/// Real symbolic links and directory modes on Unix: a link planted at a lock or owner path never gets
/// the file it points to created, written or truncated, and a cache directory other users can write
/// to is refused.
/// </summary>
[TestFixture]
[Platform(Exclude = "Win")]
[UnsupportedOSPlatform("windows")]
public sealed class CachePathSafetyTests
{
    private const string VictimContent = "precious data that is not a lock";

    private TempDirectory _dir = null!;
    private TempDirectory _elsewhere = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _elsewhere = new TempDirectory();
    }

    [TearDown]
    public void TearDown()
    {
        _dir.Dispose();
        _elsewhere.Dispose();
    }

    private string Victim => Path.Combine(_elsewhere.Path, "victim");

    [Test]
    public async Task Acquire_LockFileIsALinkToAnotherFile_RefusedAndTheFileIsUntouched()
    {
        await File.WriteAllTextAsync(Victim, VictimContent);
        File.CreateSymbolicLink(_dir.LockFile, Victim);

        var act = () => Lock().AcquireAsync(CancellationToken.None);

        var refused = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        refused.Code.Should().Be(PersistenceErrorCodes.CachePathUnsafe);
        refused.Message.Should().Contain(_dir.LockFile).And.Contain("symbolic link");
        (await File.ReadAllTextAsync(Victim)).Should().Be(VictimContent);
        File.Exists(LockOwner.PathOf(_dir.LockFile)).Should().BeFalse();
    }

    [Test]
    public async Task Acquire_LockFileIsADanglingLink_RefusedAndNothingIsCreatedWhereItPoints()
    {
        File.CreateSymbolicLink(_dir.LockFile, Victim);

        var act = () => Lock().AcquireAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(PersistenceErrorCodes.CachePathUnsafe);
        File.Exists(Victim).Should().BeFalse();
    }

    [Test]
    public async Task Acquire_OwnerFileIsALinkToAnotherFile_TheLinkIsReplacedAndTheFileIsUntouched()
    {
        await File.WriteAllTextAsync(Victim, VictimContent);
        var mode = File.GetUnixFileMode(Victim);
        var owner = LockOwner.PathOf(_dir.LockFile);
        File.CreateSymbolicLink(owner, Victim);

        using (await Lock().AcquireAsync(CancellationToken.None))
        {
            LockOwner.TryRead(_dir.LockFile).Should().Be(LockOwner.Current);
        }

        (await File.ReadAllTextAsync(Victim)).Should().Be(VictimContent);
        File.GetUnixFileMode(Victim).Should().Be(mode);
        new FileInfo(owner).LinkTarget.Should().BeNull("the record replaced the link");
        File.GetUnixFileMode(owner).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(_dir.Path).Should().BeEquivalentTo([_dir.LockFile, owner], "no temp file is left behind");
    }

    [Test]
    public async Task TryRead_OwnerFileIsALinkToARecord_IsNotRead()
    {
        await File.WriteAllTextAsync(Victim, $"{Environment.ProcessId} 42");
        File.CreateSymbolicLink(LockOwner.PathOf(_dir.LockFile), Victim);

        LockOwner.TryRead(_dir.LockFile).Should().BeNull();
    }

    [TestCase(UnixFileMode.OtherWrite)]
    [TestCase(UnixFileMode.GroupWrite)]
    public async Task Acquire_DirectoryWritableByOthers_Refused(UnixFileMode extra)
    {
        File.SetUnixFileMode(_dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | extra);

        var act = () => Lock().AcquireAsync(CancellationToken.None);

        var refused = (await act.Should().ThrowAsync<AuthClientException>()).Which;
        refused.Code.Should().Be(PersistenceErrorCodes.CachePathUnsafe);
        refused.Message.Should().Contain(_dir.Path).And.Contain("chmod go-w");
        Directory.GetFiles(_dir.Path).Should().BeEmpty();
    }

    [Test]
    public async Task Acquire_WorldWritableDirectoryWithStickyBit_IsAccepted()
    {
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("1777", 8));

        using var lease = await Lock().AcquireAsync(CancellationToken.None);

        LockOwner.TryRead(_dir.LockFile).Should().Be(LockOwner.Current);
    }

    [Test]
    public async Task SaveLoadAndVerify_DirectoryWritableByOthers_RefusedWithTheSameCode()
    {
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)Convert.ToInt32("777", 8));
        var persistence = new EncryptedFilePersistence(_dir.CacheFile, new ExplicitKeyStore(RandomNumberGenerator.GetBytes(32)));

        var save = () => persistence.SaveAsync("{}");
        var load = () => persistence.LoadAsync();
        var verification = await persistence.VerifyAsync();

        (await save.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(PersistenceErrorCodes.CachePathUnsafe);
        (await load.Should().ThrowAsync<AuthClientException>()).Which.Code.Should().Be(PersistenceErrorCodes.CachePathUnsafe);
        verification.IsUsable.Should().BeFalse();
        verification.ErrorCode.Should().Be(PersistenceErrorCodes.CachePathUnsafe);
        Directory.GetFiles(_dir.Path).Should().BeEmpty();
    }

    [Test]
    public async Task Acquire_MissingDirectory_IsCreatedOwnerOnly()
    {
        var nested = Path.Combine(_dir.Path, "app", "tokens.cache.lock");

        using var lease = await new CrossProcessLock(nested, TimeSpan.FromSeconds(5), TimeProvider.System, NullLogger.Instance).AcquireAsync(CancellationToken.None);

        File.GetUnixFileMode(Path.GetDirectoryName(nested)!).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private CrossProcessLock Lock() => new(_dir.LockFile, TimeSpan.FromSeconds(5), TimeProvider.System, NullLogger.Instance);
}
