namespace TokenTool.Configuration;

/// <summary>
/// Where <c>auth-token fake-authority</c> listens and what it registers, so that every later run of the tool finds
/// the same authority (and the cache written by one run is valid for the next) without any configuration.
/// </summary>
internal static class FakeDefaults
{
    public const int Port = 5389;

    /// <summary>Fixed, so the cache's keys (environment, tenant) stay the same when the fake restarts.</summary>
    public const string TenantId = "3f6b1c2d-8e4a-4f0b-9c7d-5a2e1b8c4d60";

    public const string ClientId = "auth-token-tool";

    public static string AuthorityFor(int port) => $"http://localhost:{port}/{TenantId}";
}
