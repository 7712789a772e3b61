using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Auth.Common.Telemetry;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>
/// Listens to the library's meter and activity source for one test: it starts a root activity of its own (current for
/// the rest of the test's async flow) and keeps only the activities of that trace, and the measurements recorded while
/// one of them is current, so another test's telemetry never lands here.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivitySource _testSource = new("Auth.Tests.Telemetry");
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private readonly Activity _root;

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AuthTelemetry.ActivitySourceName || source == _testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Source == _testSource || options.Parent.TraceId == TraceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == AuthTelemetry.ActivitySourceName && activity.TraceId == TraceId)
                {
                    Activities.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _root = _testSource.StartActivity("test root") ?? throw new InvalidOperationException("the test's own activity was not sampled");
        TraceId = _root.TraceId;

        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AuthTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ActivityTraceId TraceId { get; }

    public ActivitySpanId RootSpanId => _root.SpanId;

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public long Sum(string instrument) => (long)Of(instrument).Sum(m => m.Value);

    /// <summary>Every tag value of every measurement and activity, as text, for secret scans.</summary>
    public IEnumerable<string> AllTagValues() =>
        Measurements.SelectMany(m => m.Tags.Values).Concat(Activities.SelectMany(a => a.TagObjects.Select(t => t.Value)))
            .Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
            .Concat(Activities.Select(a => a.DisplayName)).Concat(Activities.Select(a => a.StatusDescription ?? string.Empty));

    public void Dispose()
    {
        _meters.Dispose();
        _root.Dispose();
        _activities.Dispose();
        _testSource.Dispose();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        if (Activity.Current?.TraceId == TraceId)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value;
            }

            Measurements.Enqueue(new Measurement(instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
