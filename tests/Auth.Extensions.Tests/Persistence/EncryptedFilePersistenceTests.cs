using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Auth.Extensions.Persistence;
using Auth.Extensions.Tests.TestDoubles;

namespace Auth.Extensions.Tests.Persistence;

[TestFixture]
public sealed class EncryptedFilePersistenceTests
{
    private const string Json = """{"AccessToken":{"k":{"secret":"eyJ-very-secret-token"}}}""";

    private TempDirectory _dir = null!;
    private CapturingLoggerFactory _logs = null!;
    private byte[] _key = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _logs = new CapturingLoggerFactory();
        _key = RandomNumberGenerator.GetBytes(32);
    }

    [TearDown]
    public void TearDown()
    {
        _dir.Dispose();
        _logs.Dispose();
    }

    [Test]
    public async Task SaveAsync_ThenLoadAsync_RoundTripsWithoutClearText()
    {
        var persistence = Create(_key);

        await persistence.SaveAsync(Json);
        var loaded = await Create(_key).LoadAsync();

        loaded.Should().Be(Json);
        var bytes = await File.ReadAllBytesAsync(_dir.CacheFile);
        Encoding.UTF8.GetString(bytes).Should().NotContain("eyJ-very-secret-token").And.NotContain("AccessToken");
        bytes[..3].Should().Equal((byte)'A', (byte)'T', (byte)2);
    }

    [Test]
    public async Task SaveAsync_Always_DecryptsByTheDocumentedLayoutBoundToTheFullPath()
    {
        await Create(_key).SaveAsync(Json);
        var blob = await File.ReadAllBytesAsync(_dir.CacheFile);

        var json = DecryptByLayout(blob, _key, blob[..3].Concat(Encoding.UTF8.GetBytes("auth-token-cache-file:" + BoundPath(_dir.CacheFile))).ToArray());

        json.Should().Be(Json);
    }

    [Test]
    public async Task LoadAsync_FileCopiedToAnotherCachePath_DoesNotDecryptThereAndIsSetAside()
    {
        await Create(_key).SaveAsync(Json);
        var other = Path.Combine(_dir.Path, "other.cache");
        File.Copy(_dir.CacheFile, other);

        var loaded = await new EncryptedFilePersistence(other, new ExplicitKeyStore(_key), _logs).LoadAsync();

        loaded.Should().BeNull("the blob is bound to the path it was written to, even under the same key");
        File.Exists(other + ".corrupt").Should().BeTrue();
        _logs.Warnings.Should().ContainSingle(e => e.EventId == 3120).Which.Message.Should().Contain("does not decrypt");
        (await Create(_key).LoadAsync()).Should().Be(Json, "the original still decrypts where it was written");
    }

    [Test]
    public async Task LoadAsync_Version1FileWrittenBeforeThePathWasBound_IsReadAndTheNextSaveBindsIt()
    {
        await File.WriteAllBytesAsync(_dir.CacheFile, EncryptVersion1(Json, _key));
        var persistence = Create(_key);

        var loaded = await persistence.LoadAsync();
        await persistence.SaveAsync(Json);
        var other = Path.Combine(_dir.Path, "other.cache");
        File.Copy(_dir.CacheFile, other);

        loaded.Should().Be(Json);
        _logs.Warnings.Should().BeEmpty();
        (await File.ReadAllBytesAsync(_dir.CacheFile))[2].Should().Be(2);
        (await Create(_key).LoadAsync()).Should().Be(Json);
        (await new EncryptedFilePersistence(other, new ExplicitKeyStore(_key), _logs).LoadAsync()).Should().BeNull("once rewritten, the file is bound to its path");
    }

    [Test]
    public async Task LoadAsync_Version2BlobRelabelledVersion1_DoesNotDecrypt()
    {
        await Create(_key).SaveAsync(Json);
        var blob = await File.ReadAllBytesAsync(_dir.CacheFile);
        blob[2] = 1;
        await File.WriteAllBytesAsync(_dir.CacheFile, blob);

        var loaded = await Create(_key).LoadAsync();

        ExpectSetAside(loaded, "does not decrypt");
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public async Task SaveAsync_Always_CreatesOwnerOnlyFile()
    {
        await Create(_key).SaveAsync(Json);

        File.GetUnixFileMode(_dir.CacheFile).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(_dir.Path).Should().Equal(_dir.CacheFile);
    }

    [Test]
    public async Task LoadAsync_TamperedByte_IsSetAsideAsCorrupt()
    {
        await Create(_key).SaveAsync(Json);
        var bytes = await File.ReadAllBytesAsync(_dir.CacheFile);
        bytes[^5] ^= 0x01;
        await File.WriteAllBytesAsync(_dir.CacheFile, bytes);

        var loaded = await Create(_key).LoadAsync();

        ExpectSetAside(loaded, "does not decrypt");
    }

    [Test]
    public async Task LoadAsync_WrongKey_IsSetAsideAndNextSaveUsesTheStoreKey()
    {
        await Create(RandomNumberGenerator.GetBytes(32)).SaveAsync(Json);
        var persistence = Create(_key);

        var loaded = await persistence.LoadAsync();
        await persistence.SaveAsync(Json);

        ExpectSetAside(loaded, "does not decrypt", savedAgain: true);
        (await Create(_key).LoadAsync()).Should().Be(Json);
    }

    [Test]
    public async Task LoadAsync_MissingKey_IsSetAsideAndSaveCreatesAKey()
    {
        await Create(_key).SaveAsync(Json);
        var emptyStore = new EmptyKeyStore();
        var persistence = new EncryptedFilePersistence(_dir.CacheFile, emptyStore, _logs);

        var loaded = await persistence.LoadAsync();
        await persistence.SaveAsync(Json);

        ExpectSetAside(loaded, "holds no key", savedAgain: true);
        emptyStore.Key.Should().HaveCount(32);
        (await Create(emptyStore.Key!).LoadAsync()).Should().Be(Json);
    }

    [TestCase(new byte[] { (byte)'{', (byte)'x' }, "not an encrypted")]
    [TestCase(new byte[] { (byte)'A', (byte)'T', 3, 1, 2, 3 }, "format version 3, newer than this library reads (2)")]
    [TestCase(new byte[] { (byte)'A', (byte)'T', 1, 1, 2, 3 }, "not an encrypted")]
    [TestCase(new byte[] { (byte)'A', (byte)'T', 2, 1, 2, 3 }, "not an encrypted")]
    public async Task LoadAsync_UnreadableFile_IsSetAsideWithItsReason(byte[] content, string reason)
    {
        await File.WriteAllBytesAsync(_dir.CacheFile, content);

        var loaded = await Create(_key).LoadAsync();

        ExpectSetAside(loaded, reason);
    }

    [Test]
    public async Task LoadAsync_DecryptsToNonJson_IsSetAside()
    {
        await Create(_key).SaveAsync("not json at all");

        var loaded = await Create(_key).LoadAsync();

        ExpectSetAside(loaded, "not to a JSON object");
    }

    [Test]
    public async Task LoadAsync_EmptyOrMissingFile_StartsEmptyWithoutWarning()
    {
        var missing = await Create(_key).LoadAsync();
        await File.WriteAllBytesAsync(_dir.CacheFile, []);

        var empty = await Create(_key).LoadAsync();

        missing.Should().BeNull();
        empty.Should().BeNull();
        _logs.Warnings.Should().BeEmpty();
        File.Exists(_dir.CacheFile + ".corrupt").Should().BeFalse();
    }

    [Test]
    public async Task VerifyAsync_WorkingStore_IsUsableAndLeavesNothingBehind()
    {
        var verification = await Create(_key).VerifyAsync();

        verification.Should().Be(PersistenceVerification.Usable);
        Directory.GetFiles(_dir.Path).Should().BeEmpty();
    }

    [Test]
    public async Task VerifyAsync_KeyStoreLosesKeys_IsUnusableWithReason()
    {
        var verification = await new EncryptedFilePersistence(_dir.CacheFile, new EmptyKeyStore(forgetful: true)).VerifyAsync();

        verification.IsUsable.Should().BeFalse();
        verification.ErrorCode.Should().Be(PersistenceErrorCodes.PersistenceUnusable);
        verification.Reason.Should().Contain("read back different or not at all");
    }

    [Test]
    public async Task VerifyAsync_DirectoryIsAFile_IsUnusableWithReason()
    {
        var blocker = Path.Combine(_dir.Path, "not-a-directory");
        await File.WriteAllTextAsync(blocker, "x");

        var verification = await new EncryptedFilePersistence(Path.Combine(blocker, "tokens.cache"), new ExplicitKeyStore(_key)).VerifyAsync();

        verification.IsUsable.Should().BeFalse();
        verification.ErrorCode.Should().Be(PersistenceErrorCodes.PersistenceUnusable);
        verification.Reason.Should().Contain("The cache directory is not usable");
    }

    private EncryptedFilePersistence Create(byte[] key) => new(_dir.CacheFile, new ExplicitKeyStore(key), _logs);

    /// <summary>The path as bound into the associated data: upper-cased where file names ignore case.</summary>
    private static string BoundPath(string path) =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? Path.GetFullPath(path).Normalize(NormalizationForm.FormC).ToUpperInvariant() : Path.GetFullPath(path);

    /// <summary>A format-1 file as the library wrote it before the path was bound in.</summary>
    private static byte[] EncryptVersion1(string json, byte[] key)
    {
        var plaintext = Encoding.UTF8.GetBytes(json);
        var blob = new byte[31 + plaintext.Length];
        blob[0] = (byte)'A';
        blob[1] = (byte)'T';
        blob[2] = 1;
        RandomNumberGenerator.Fill(blob.AsSpan(3, 12));
        using var aes = new AesGcm(key, 16);
        aes.Encrypt(blob.AsSpan(3, 12), plaintext, blob.AsSpan(31), blob.AsSpan(15, 16), blob[..3].Concat(Encoding.UTF8.GetBytes("auth-token-cache-file")).ToArray());
        return blob;
    }

    private static string DecryptByLayout(byte[] blob, byte[] key, byte[] associatedData)
    {
        var plaintext = new byte[blob.Length - 31];
        using var aes = new AesGcm(key, 16);
        aes.Decrypt(blob.AsSpan(3, 12), blob.AsSpan(31), blob.AsSpan(15, 16), plaintext, associatedData);
        return Encoding.UTF8.GetString(plaintext);
    }

    private void ExpectSetAside(string? loaded, string reason, bool savedAgain = false)
    {
        loaded.Should().BeNull();
        File.Exists(_dir.CacheFile).Should().Be(savedAgain);
        File.Exists(_dir.CacheFile + ".corrupt").Should().BeTrue();
        _logs.Warnings.Should().ContainSingle(e => e.EventId == 3120).Which.Message.Should().Contain(reason);
    }
}
