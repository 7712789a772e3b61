using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Common.Resilience;

/// <summary>
/// The library's one retry rule, for token requests and authority documents alike: an answer of
/// 5xx, or no answer within the network client's timeout, is tried once more after <see cref="Delay"/>.
/// Nothing else is retried: a 4xx is the authority's verdict, and a refused or broken connection
/// says the URL or the network is wrong. Token requests apply it only when they are repeatable
/// (client credentials, with a fresh client assertion; never a grant that redeems a code, a refresh
/// token, a device code, a user assertion or a password), and a regional one also falls back to the
/// global endpoint on a network error; see <c>Pipeline.TokenRequestSender</c>.
/// </summary>
internal sealed class RetryPolicy
{
    public RetryPolicy(bool retryOnServerError, TimeSpan delay, TimeProvider time)
    {
        MaxAttempts = retryOnServerError ? 2 : 1;
        Delay = delay;
        Time = time;
    }

    /// <summary>Gets a policy that never retries.</summary>
    public static RetryPolicy None { get; } = new(false, TimeSpan.Zero, TimeProvider.System);

    /// <summary>Gets how many times one request is sent at most.</summary>
    public int MaxAttempts { get; }

    /// <summary>Gets the pause before a retry.</summary>
    public TimeSpan Delay { get; }

    private TimeProvider Time { get; }

    /// <summary>Returns whether an answer with <paramref name="statusCode"/> is worth another attempt.</summary>
    public static bool IsTransient(int statusCode) => statusCode >= 500;

    /// <summary>Returns whether a transport failure is worth another attempt (a timeout is; a refused connection is not).</summary>
    public static bool IsTransient(AuthClientException error) => error.Code == AuthErrorCodes.RequestTimeout;

    /// <summary>Waits <see cref="Delay"/>.</summary>
    public Task PauseAsync(CancellationToken cancellationToken) =>
        Delay > TimeSpan.Zero ? Task.Delay(Delay, Time, cancellationToken) : Task.CompletedTask;

    /// <summary>Sends <paramref name="request"/> (a GET for an authority document), retrying once as described above.</summary>
    public async Task<NetworkResponse> SendAsync(INetworkClient network, NetworkRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt >= MaxAttempts;
            try
            {
                var response = await network.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (last || !IsTransient(response.StatusCode))
                {
                    return response;
                }
            }
            catch (AuthClientException ex) when (!last && IsTransient(ex))
            {
            }

            await PauseAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
