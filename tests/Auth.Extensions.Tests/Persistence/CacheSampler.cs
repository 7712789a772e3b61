namespace Auth.Extensions.Tests.Persistence;

/// <summary>
/// Reads the encrypted cache file over and over, as an outside reader without the lock would, and
/// records every read that was not a complete, decryptable JSON cache.
/// </summary>
internal sealed class CacheSampler : IAsyncDisposable, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly List<string> _failures = [];

    public CacheSampler(string path, byte[] key) => _loop = Task.Run(() => Loop(path, key));

    public int Samples { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
    }

    public void Dispose() => _stop.Dispose();

    private async Task Loop(string path, byte[] key)
    {
        while (!_stop.IsCancellationRequested)
        {
            byte[] blob;
            try
            {
                blob = await File.ReadAllBytesAsync(path);
            }
            catch (FileNotFoundException)
            {
                await Task.Yield();
                continue;
            }

            Samples++;
            if (!EncryptedCacheFile.TryRead(blob, path, key, out _, out var failure))
            {
                _failures.Add(failure);
            }
        }
    }
}
