namespace Auth.Testing.Endpoints;

/// <summary>The endpoints the fake serves, whatever the authority kind.</summary>
internal enum RouteEndpoint
{
    OpenIdConfiguration,
    Keys,
    Authorize,
    Token,
    DeviceCode,
    InstanceDiscovery,
    UserRealm,
    DeviceLogin,
}
