// Snippets of docs/telemetry.md: the OpenTelemetry SDK exporting the Auth meter and activity source. The docs tests
// use the SDK's in-memory exporter where an app would use OTLP or the console.
#region Usings
using Auth.Common.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
#endregion
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Docs.Snippets;

public static class TelemetryExamples
{
    /// <summary>Registers the OpenTelemetry SDK for the Auth meter and activity source.</summary>
    public static void AddOpenTelemetry(IServiceCollection services, ICollection<Metric> exportedMetrics, ICollection<Activity> exportedActivities)
    {
        #region OpenTelemetry
        // dotnet add package OpenTelemetry.Extensions.Hosting
        // dotnet add package OpenTelemetry.Exporter.OpenTelemetryProtocol   (or .Console, .InMemory for tests)
        services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddMeter(AuthTelemetry.MeterName)              // "Auth"
                .AddInMemoryExporter(exportedMetrics))          // in an app: .AddOtlpExporter()
            .WithTracing(tracing => tracing
                .AddSource(AuthTelemetry.ActivitySourceName)    // "Auth"
                .AddInMemoryExporter(exportedActivities));      // in an app: .AddOtlpExporter()
        #endregion
    }
}
