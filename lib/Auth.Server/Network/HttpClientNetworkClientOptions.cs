namespace Auth.Server.Network;

/// <summary>Limits and retry behaviour of <see cref="HttpClientNetworkClient"/>.</summary>
public sealed class HttpClientNetworkClientOptions
{
    /// <summary>Gets or sets the timeout of one attempt. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest response body accepted, in bytes. Default 1 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets whether a 5xx answer or a timeout is retried once. Default true.</summary>
    public bool RetryOnceOnServerError { get; set; } = true;

    /// <summary>Gets or sets the pause before that retry. Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gets or sets the clock for timeouts and retry pauses. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
