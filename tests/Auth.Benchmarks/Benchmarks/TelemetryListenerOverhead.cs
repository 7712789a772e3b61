using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Auth.Benchmarks.Fakes;
using Auth.Common.Requests;
using Auth.Common.Telemetry;
using BenchmarkDotNet.Attributes;

namespace Auth.Benchmarks.Benchmarks;

/// <summary>
/// Row 1a-t: row 1a's call (ours, single tenant, Entra ID, 1 × 10) without a listener (the baseline), with a
/// <see cref="MeterListener"/> on the <c>Auth</c> meter, and with that listener plus an <see cref="ActivityListener"/> that
/// records every <c>Auth</c> activity (the most a tracing SDK asks for). Each listener is attached only for its own
/// benchmark. The budget (docs/telemetry.md): no allocation without a listener, at most +10 % with one.
/// </summary>
[MemoryDiagnoser]
public class TelemetryListenerOverhead
{
    private string[][] _scopes = null!;
    private Workload _work = null!;
    private Auth.Server.ConfidentialClientApplication _app = null!;
    private MeterListener? _meters;
    private ActivityListener? _activities;
    private double _measured;

    [Benchmark(Baseline = true)]
    public Task<string> NoListener() => CallAsync();

    [Benchmark]
    public Task<string> MeterListener() => CallAsync();

    [Benchmark]
    public Task<string> MeterAndActivityListeners() => CallAsync();

    [GlobalSetup(Target = nameof(NoListener))]
    public Task SetupNoListener() => PrepareAsync();

    [GlobalSetup(Target = nameof(MeterListener))]
    public Task SetupMeterListener()
    {
        AttachMeterListener();
        return PrepareAsync();
    }

    [GlobalSetup(Target = nameof(MeterAndActivityListeners))]
    public Task SetupBothListeners()
    {
        AttachMeterListener();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AuthTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
        return PrepareAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Workload.Expect(_meters is null || _measured > 0, "the meter listener received measurements");
        _meters?.Dispose();
        _activities?.Dispose();
        _meters = null;
        _activities = null;
    }

    private async Task<string> CallAsync()
    {
        var result = await _app.AcquireTokenByClientCredentialAsync(new ClientCredentialRequest { Scopes = _scopes[_work.NextIndex()] });
        return result.AccessToken;
    }

    /// <summary>A listener that does what an SDK's aggregation does at least: reads the value.</summary>
    private void AttachMeterListener()
    {
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AuthTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((_, value, _, _) => _measured += value);
        _meters.SetMeasurementEventCallback<long>((_, value, _, _) => _measured += value);
        _meters.Start();
    }

    private async Task PrepareAsync()
    {
        var handler = new FakeAuthorityHandler();
        _work = new Workload("1x10");
        _scopes = [.. _work.Picks.Select(p => new[] { CacheJson.AppScope(p.Inner) })];
        _app = Apps.Ours(handler, Apps.Tenant(0));
        _app.GetTokenCache().Deserialize(Encoding.UTF8.GetString(CacheJson.SingleTenantAppTokens("login.windows.net", Apps.Tenant(0), _work.Inner)));
        await Workload.ExpectHitsAsync(CallAsync, "app-token-", handler);
    }
}
