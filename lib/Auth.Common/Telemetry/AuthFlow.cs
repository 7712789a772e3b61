namespace Auth.Common.Telemetry;

/// <summary>A flow as telemetry names it: the <c>auth.flow</c> tag, its activity's name, and whether it reads the token cache.</summary>
internal sealed class AuthFlow
{
    public static readonly AuthFlow ClientCredentials = new("client_credentials", readsCache: true);
    public static readonly AuthFlow Silent = new("silent", readsCache: true);
    public static readonly AuthFlow OnBehalfOf = new("on_behalf_of", readsCache: true);
    public static readonly AuthFlow LongRunningObo = new("long_running_obo", readsCache: true);

    /// <summary>Starting a long-running OBO session: always an exchange, the cache is not read.</summary>
    public static readonly AuthFlow LongRunningOboInitiate = new("long_running_obo", readsCache: false);
    public static readonly AuthFlow AuthorizationCode = new("authorization_code", readsCache: false);
    public static readonly AuthFlow DeviceCode = new("device_code", readsCache: false);
    public static readonly AuthFlow Interactive = new("interactive", readsCache: false);
    public static readonly AuthFlow UsernamePassword = new("username_password", readsCache: false);
    public static readonly AuthFlow RefreshToken = new("refresh_token", readsCache: false);
    public static readonly AuthFlow ManagedIdentity = new("managed_identity", readsCache: true);

    private AuthFlow(string name, bool readsCache)
    {
        Name = name;
        ReadsCache = readsCache;
        ActivityName = "Auth.AcquireToken " + name;
    }

    public string Name { get; }

    public bool ReadsCache { get; }

    public string ActivityName { get; }
}
