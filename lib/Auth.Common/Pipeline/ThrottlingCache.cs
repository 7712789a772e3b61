using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Auth.Common.Errors;

namespace Auth.Common.Pipeline;

/// <summary>
/// Remembers requests the authority throttled (429, or 503 with Retry-After) until the time it
/// asked for has passed, and fails identical requests fast with the same error instead of sending
/// them. Requests are identified by a SHA-256 of the endpoint and form fields (without the client's
/// credential, which differs on every request), so no secret is kept. Expired entries are swept
/// at most once a minute when an answer is recorded, and the cache never holds more than
/// <see cref="MaxEntries"/> (past it, the entries that end soonest go first), so sustained 429s
/// across many tenants or scopes cannot grow it without bound.
/// </summary>
internal sealed class ThrottlingCache
{
    /// <summary>The wait when the authority throttles without saying for how long.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>The most requests remembered at once.</summary>
    public const int MaxEntries = 1000;

    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _sweep = new();
    private DateTimeOffset _nextSweep;

    public ThrottlingCache(TimeProvider time) => _time = time;

    public int Count => _entries.Count;

    /// <summary>Gets whether nothing is throttled (requests need no fingerprint).</summary>
    public bool IsEmpty => _entries.IsEmpty;

    /// <summary>Returns whether <paramref name="error"/> is a throttling answer (429, or 503 with Retry-After).</summary>
    public static bool IsThrottling(AuthServiceException error) =>
        error.StatusCode == 429 || (error.StatusCode == 503 && error.RetryAfter is not null);

    public static string KeyFor(Uri endpoint, IEnumerable<KeyValuePair<string, string>> form)
    {
        var text = new StringBuilder(endpoint.GetLeftPart(UriPartial.Path));
        foreach (var (name, value) in form.Where(f => f.Key != "client_assertion").OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append(name).Append('=').Append(value);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Returns the remembered error when <paramref name="key"/> is still throttled, else null.</summary>
    public AuthServiceException? TryGetThrottled(string key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        var remaining = entry.Until - _time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            return null;
        }

        var original = entry.Error;
        return new AuthServiceException(original.Code, $"{original.Message} (Throttled: not sent again for another {remaining.TotalSeconds:0} s.)")
        {
            Error = original.Error,
            ErrorDescription = original.ErrorDescription,
            ErrorCodes = original.ErrorCodes,
            SubError = original.SubError,
            StatusCode = original.StatusCode,
            RetryAfter = remaining,
            CorrelationId = original.CorrelationId,
        };
    }

    /// <summary>Remembers <paramref name="error"/> when it is a throttling answer.</summary>
    public void Record(string key, AuthServiceException error)
    {
        if (!IsThrottling(error))
        {
            return;
        }

        var now = _time.GetUtcNow();
        var wait = error.RetryAfter ?? DefaultRetryAfter;
        _entries[key] = new Entry(error, now + (wait > MaxRetryAfter ? MaxRetryAfter : wait));
        Sweep(now);
    }

    /// <summary>Drops expired entries (once a minute, or when over the bound), then the soonest-ending ones down to nine tenths of the bound.</summary>
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep && _entries.Count <= MaxEntries)
        {
            return;
        }

        lock (_sweep)
        {
            _nextSweep = now + SweepInterval;
            foreach (var entry in _entries)
            {
                if (entry.Value.Until <= now)
                {
                    _entries.TryRemove(entry);
                }
            }

            if (_entries.Count > MaxEntries)
            {
                foreach (var entry in _entries.OrderBy(e => e.Value.Until).Take(_entries.Count - (MaxEntries * 9 / 10)).ToList())
                {
                    _entries.TryRemove(entry);
                }
            }
        }
    }

    private sealed record Entry(AuthServiceException Error, DateTimeOffset Until);
}
