using Auth.Common.Errors;

namespace Auth.Common.Telemetry;

/// <summary>
/// Entra ID's server telemetry (schema 5): <c>x-client-current-telemetry</c> describes this request
/// (operation and why the cache did not serve it); <c>x-client-last-telemetry</c> reports cache hits
/// and the requests that failed since the last successful one, then starts over.
/// </summary>
internal sealed class ServerTelemetry
{
    private const int MaxFailures = 10;
    private readonly Lock _lock = new();
    private readonly List<(int ApiId, Guid CorrelationId, string Error)> _failures = [];
    private int _cacheHits;

    public void CacheHit() => Interlocked.Increment(ref _cacheHits);

    public static string Current(int apiId, int cacheInfo) => $"5|{apiId},{cacheInfo},,,|";

    public string Last()
    {
        lock (_lock)
        {
            if (_failures.Count == 0)
            {
                return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"5|{Volatile.Read(ref _cacheHits)}|||");
            }

            var requests = string.Join(',', _failures.Select(f => $"{f.ApiId},{f.CorrelationId}"));
            var errors = string.Join(',', _failures.Select(f => f.Error));
            return $"5|{Volatile.Read(ref _cacheHits)}|{requests}|{errors}|";
        }
    }

    /// <summary>Records the answer: a failure is remembered for the next request; a success clears what was reported.</summary>
    public void Report(int apiId, Guid correlationId, AuthServiceException? error)
    {
        lock (_lock)
        {
            if (error is null)
            {
                _failures.Clear();
                Interlocked.Exchange(ref _cacheHits, 0);
                return;
            }

            if (_failures.Count == MaxFailures)
            {
                _failures.RemoveAt(0);
            }

            _failures.Add((apiId, correlationId, error.Error ?? error.Code));
        }
    }
}
