using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace Auth.Common.Telemetry;

/// <summary>
/// The library's <see cref="Meter"/>, <see cref="ActivitySource"/> and instruments. They are process-wide static readonly
/// objects, as .NET's own libraries keep theirs (HttpClient, Kestrel): an instrument is identified by its meter's name, so
/// one per process is what a listener expects, and it holds no per-client state. Every user checks <see cref="AcquisitionObserved"/>
/// (or an instrument's <c>Enabled</c>) before it builds a tag, so nothing is allocated while no listener is attached.
/// </summary>
internal static class AuthInstruments
{
    public static readonly string Version =
        typeof(AuthInstruments).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static readonly ActivitySource Source = new(AuthTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(AuthTelemetry.MeterName, Version);

    /// <summary>Upper bounds (ms) that separate a cache hit (well under 1 ms) from a token request (tens to thousands).</summary>
    private static readonly double[] DurationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000];

    public static readonly Histogram<double> AcquisitionDuration = Meter.CreateHistogram(
        "auth.token.acquisition.duration",
        "ms",
        "Duration of one token acquisition (one call of an AcquireToken method), from the call to its result or error.",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>(
        "auth.cache.hits", "{acquisition}", "Acquisitions answered from the token cache.");

    public static readonly Counter<long> CacheMisses = Meter.CreateCounter<long>(
        "auth.cache.misses", "{acquisition}", "Acquisitions of a flow that reads the token cache and were not answered from it.");

    public static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(
        "auth.token_requests", "{request}", "HTTP requests sent to a token, device authorization or managed identity endpoint.");

    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        "auth.throttled", "{request}", "Throttling answers received (429, or 503 with Retry-After) and requests refused by the throttling cache without being sent.");

    /// <summary>Gets whether anything listens to an acquisition (its duration, the cache counters or its activity).</summary>
    public static bool AcquisitionObserved =>
        AcquisitionDuration.Enabled || CacheHits.Enabled || CacheMisses.Enabled || Source.HasListeners();

    /// <summary>Gets whether anything listens to an endpoint call (the request counters or its activity).</summary>
    public static bool EndpointObserved => TokenRequests.Enabled || Throttled.Enabled || Source.HasListeners();
}
