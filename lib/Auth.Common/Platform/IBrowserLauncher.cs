namespace Auth.Common.Platform;

/// <summary>Opens a URL in the user's browser for interactive sign-in.</summary>
public interface IBrowserLauncher
{
    /// <summary>Opens <paramref name="url"/>; returns once the browser was asked to open it.</summary>
    /// <param name="url">The authorization URL.</param>
    /// <param name="cancellationToken">Cancels the launch.</param>
    /// <returns>A task that completes when the browser was started.</returns>
    Task OpenAsync(Uri url, CancellationToken cancellationToken);
}
