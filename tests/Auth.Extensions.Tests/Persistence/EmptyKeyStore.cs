using Auth.Extensions.Persistence;

namespace Auth.Extensions.Tests.Persistence;

/// <summary>A key store that starts without a key; a forgetful one never keeps what it is given.</summary>
internal sealed class EmptyKeyStore(bool forgetful = false) : IKeyStore
{
    public byte[]? Key { get; private set; }

    public Task<byte[]?> LoadKeyAsync(CancellationToken cancellationToken = default) => Task.FromResult(Key);

    public Task StoreKeyAsync(byte[] key, CancellationToken cancellationToken = default)
    {
        Key = forgetful ? null : key;
        return Task.CompletedTask;
    }

    public Task DeleteKeyAsync(CancellationToken cancellationToken = default)
    {
        Key = null;
        return Task.CompletedTask;
    }

    public IKeyStore ForProbe() => new EmptyKeyStore(forgetful);
}
