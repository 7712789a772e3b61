using System.Globalization;
using Auth.Testing.Http;

namespace Auth.Testing.ManagedIdentity;

/// <summary>A failure scripted by <see cref="FakeManagedIdentityEndpoint.FailNext"/>.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="RetryAfter">The <c>Retry-After</c> (whole seconds, rounded up), or none.</param>
/// <param name="Body">The JSON body sent verbatim, or <see langword="null"/> for an error in the source's shape.</param>
internal sealed record ScriptedFailure(int StatusCode, TimeSpan? RetryAfter, string? Body)
{
    public HttpReply Render(MiErrorShape shape)
    {
        var reply = Body is null
            ? MiErrors.Write(shape, StatusCode, "scripted_failure", "A failure scripted by the test.")
            : HttpReply.Json(StatusCode, Body);
        return RetryAfter is { } delay
            ? reply.WithHeader("Retry-After", ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture))
            : reply;
    }
}
