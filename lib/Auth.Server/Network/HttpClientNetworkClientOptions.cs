namespace Auth.Server.Network;

/// <summary>Limits of <see cref="HttpClientNetworkClient"/>.</summary>
public sealed class HttpClientNetworkClientOptions
{
    /// <summary>Gets or sets the timeout of one attempt. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the largest response body accepted, in bytes. Default 1 MiB.</summary>
    public int MaxResponseBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the clock for timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
