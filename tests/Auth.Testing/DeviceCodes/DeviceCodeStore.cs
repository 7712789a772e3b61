using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace Auth.Testing.DeviceCodes;

/// <summary>
/// Issued device codes, found by device code (token polls) or user code (approval); user codes are 9 characters
/// from an alphabet without look-alikes, like Entra ID's. New user codes are announced for tests that wait for them.
/// </summary>
internal sealed class DeviceCodeStore
{
    private const string UserCodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int UserCodeLength = 9;

    private readonly ConcurrentDictionary<string, PendingDeviceCode> _byDeviceCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingDeviceCode> _byUserCode = new(StringComparer.Ordinal);
    private readonly Channel<string> _issued = Channel.CreateUnbounded<string>();

    /// <param name="clientId">The client that asked.</param>
    /// <param name="scope">The scopes asked for.</param>
    /// <param name="now">The authority's time.</param>
    /// <param name="lifetime">How long the code lives.</param>
    /// <param name="interval">The minimum polling interval.</param>
    /// <param name="approveAs">A user to approve the code as at once, if any.</param>
    public PendingDeviceCode Issue(string clientId, string scope, DateTimeOffset now, TimeSpan lifetime, TimeSpan interval, FakeUser? approveAs)
    {
        while (true)
        {
            var userCode = RandomNumberGenerator.GetString(UserCodeAlphabet, UserCodeLength);
            var deviceCode = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));
            var entry = new PendingDeviceCode(deviceCode, userCode, clientId, scope, now, lifetime, interval);
            if (!_byUserCode.TryAdd(userCode, entry))
            {
                continue;
            }

            _byDeviceCode[deviceCode] = entry;
            if (approveAs is not null)
            {
                entry.TryDecide(approveAs, now);
            }

            _issued.Writer.TryWrite(userCode);
            return entry;
        }
    }

    public PendingDeviceCode? FindByDeviceCode(string deviceCode) =>
        _byDeviceCode.TryGetValue(deviceCode, out var entry) ? entry : null;

    /// <summary>Finds by user code as a user would type it: any case, with or without dashes and spaces.</summary>
    public PendingDeviceCode? FindByUserCode(string userCode)
    {
        var normalized = userCode.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return _byUserCode.TryGetValue(normalized, out var entry) ? entry : null;
    }

    /// <summary>The user codes still waiting for a decision, oldest first.</summary>
    public IReadOnlyList<string> Pending(DateTimeOffset now) =>
        _byUserCode.Values.Where(entry => entry.IsPending(now)).OrderBy(entry => entry.IssuedAt).Select(entry => entry.UserCode).ToArray();

    /// <summary>The oldest issued user code not yet handed out by this method, waiting for one if there is none.</summary>
    public ValueTask<string> NextIssuedAsync(CancellationToken cancellationToken) => _issued.Reader.ReadAsync(cancellationToken);
}
