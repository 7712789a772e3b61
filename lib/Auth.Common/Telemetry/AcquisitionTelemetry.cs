using System.Diagnostics;
using Auth.Common.Responses;

namespace Auth.Common.Telemetry;

/// <summary>
/// Measures one token acquisition: its duration (tagged with flow, token source and outcome), the cache hit and miss
/// counters, and its activity, which is the parent of the endpoint calls it makes. Every public AcquireToken method goes
/// through <see cref="Run{TTarget, TRequest, TResult}"/>; while nothing listens it only calls the flow (no timestamp,
/// no tag, no allocation).
/// </summary>
internal static class AcquisitionTelemetry
{
    /// <summary>Runs <paramref name="acquire"/> (a static lambda, so no closure) and measures it when anything listens.</summary>
    public static Task<TResult> Run<TTarget, TRequest, TResult>(
        AuthFlow flow, TTarget target, TRequest request, Func<TTarget, TRequest, CancellationToken, Task<TResult>> acquire, CancellationToken cancellationToken)
        where TResult : class =>
        AuthInstruments.AcquisitionObserved
            ? Observe(flow, target, request, acquire, cancellationToken)
            : acquire(target, request, cancellationToken);

    /// <summary>
    /// Starts the acquisition's activity (current while the flow runs, so the endpoint calls are its children) and the
    /// clock. A flow that completes at once (a cache hit) is recorded here and its own task returned: no state machine,
    /// no second task. Otherwise the caller's current activity is put back and the rest waits in <see cref="CompleteAsync"/>.
    /// </summary>
    private static Task<TResult> Observe<TTarget, TRequest, TResult>(
        AuthFlow flow, TTarget target, TRequest request, Func<TTarget, TRequest, CancellationToken, Task<TResult>> acquire, CancellationToken cancellationToken)
        where TResult : class
    {
        var activity = AuthInstruments.Source.StartActivity(flow.ActivityName, ActivityKind.Internal);

        // An activity keeps its own start and end times: the duration is read from it rather than from more clock reads.
        // Without one, the part that completes at once (a cache hit, well under a millisecond) is timed with the coarse
        // monotonic clock, whose read costs a fraction of a precise one; a flow that goes on to the network is timed
        // precisely from that point, where the milliseconds worth measuring are spent.
        var started = activity is null ? Elapsed.Start() : default;
        Task<TResult> task;
        try
        {
            task = acquire(target, request, cancellationToken);
        }
        catch (Exception ex)
        {
            Complete(flow, started, activity, source: null, ex);
            throw;
        }

        if (task.IsCompleted)
        {
            Complete(flow, started, activity, task);
            return task;
        }

        if (activity is not null)
        {
            // The activity was started as a child of the caller's current one (its Parent), never of a remote context.
            Activity.Current = activity.Parent;
        }

        return CompleteAsync(flow, activity is null ? started.GoingAsync() : started, activity, task);
    }

    private static async Task<TResult> CompleteAsync<TResult>(AuthFlow flow, Elapsed started, Activity? activity, Task<TResult> task)
        where TResult : class
    {
        try
        {
            await ((Task)task).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            Complete(flow, started, activity, task);
        }

        return await task.ConfigureAwait(false);
    }

    private static void Complete<TResult>(AuthFlow flow, Elapsed started, Activity? activity, Task<TResult> task)
        where TResult : class
    {
        if (task.IsCompletedSuccessfully)
        {
            Complete(flow, started, activity, SourceOf(task.Result), error: null);
        }
        else
        {
            Complete(flow, started, activity, source: null, task.Exception?.InnerException ?? new OperationCanceledException());
        }
    }

    private static TokenSource? SourceOf(object result) => result switch
    {
        AuthenticationResult token => token.Source,
        LongRunningProcessResult session => session.Result.Source,
        _ => null,
    };

    /// <summary>Tags the activity and stops it, then records the duration and the cache counters.</summary>
    private static void Complete(AuthFlow flow, Elapsed started, Activity? activity, TokenSource? source, Exception? error)
    {
        var outcome = error is null ? TelemetryTags.Success : TelemetryTags.OutcomeOf(error);
        var tokenSource = source switch
        {
            TokenSource.Cache => TelemetryTags.Cache,
            TokenSource.IdentityProvider => TelemetryTags.IdentityProvider,
            _ => null,
        };

        if (activity is not null)
        {
            Stop(activity, flow, tokenSource, error is null ? null : outcome);
        }

        if (AuthInstruments.AcquisitionDuration.Enabled)
        {
            // The overloads with the tags as arguments, not a TagList: building and passing that 8-slot struct cost more
            // than the rest of the measurement together on a cache hit.
            var milliseconds = (activity?.Duration ?? started.Stop()).TotalMilliseconds;
            var flowTag = new KeyValuePair<string, object?>(TelemetryTags.Flow, flow.Name);
            var outcomeTag = new KeyValuePair<string, object?>(TelemetryTags.Outcome, outcome);
            if (tokenSource is null)
            {
                AuthInstruments.AcquisitionDuration.Record(milliseconds, flowTag, outcomeTag);
            }
            else
            {
                AuthInstruments.AcquisitionDuration.Record(milliseconds, flowTag, outcomeTag, new KeyValuePair<string, object?>(TelemetryTags.TokenSource, tokenSource));
            }
        }

        if (source == TokenSource.Cache)
        {
            AuthInstruments.CacheHits.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Flow, flow.Name));
        }
        else if (flow.ReadsCache)
        {
            AuthInstruments.CacheMisses.Add(1, new KeyValuePair<string, object?>(TelemetryTags.Flow, flow.Name));
        }
    }

    private static void Stop(Activity activity, AuthFlow flow, string? tokenSource, string? errorCode)
    {
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(TelemetryTags.Flow, flow.Name);
            if (tokenSource is not null)
            {
                activity.SetTag(TelemetryTags.TokenSource, tokenSource);
            }

            if (errorCode is not null)
            {
                activity.SetTag(TelemetryTags.Outcome, errorCode);
                activity.SetTag(TelemetryTags.ErrorType, errorCode);
                activity.SetStatus(ActivityStatusCode.Error, errorCode);
            }
        }

        activity.Stop();
    }
}
