namespace Auth.Common.Platform;

/// <summary>Listens on a loopback port for the authorization redirect of an interactive sign-in (RFC 8252 section 7.3).</summary>
public interface ILoopbackListener
{
    /// <summary>Binds a free port on 127.0.0.1 and returns the session that waits on it.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The listening session; dispose it to free the port.</returns>
    Task<ILoopbackSession> StartAsync(CancellationToken cancellationToken);
}
