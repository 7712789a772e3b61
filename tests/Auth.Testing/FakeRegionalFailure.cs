namespace Auth.Testing;

/// <summary>How a <see cref="FakeAuthority"/> fails requests to regional hosts (<c>{region}.login.microsoft.com</c> and the like).</summary>
public enum FakeRegionalFailure
{
    /// <summary>Regional hosts answer like the global ones.</summary>
    None,

    /// <summary>Every request to a regional host gets 500 <c>server_error</c> (AADSTS50000).</summary>
    ServerError,

    /// <summary>
    /// The authority's HTTP handler refuses to connect to regional hosts (a <see cref="System.Net.Sockets.SocketException"/>
    /// with <c>ConnectionRefused</c>, surfaced as an <see cref="HttpRequestException"/>); nothing reaches the server.
    /// </summary>
    Unreachable,
}
