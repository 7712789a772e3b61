namespace Auth.Common.Telemetry;

/// <summary>Operation ids reported in Entra ID's server telemetry headers (msal's numbering where it has one).</summary>
internal static class ApiIds
{
    public const int Silent = 62;
    public const int UsernamePassword = 371;
    public const int OnBehalfOf = 523;
    public const int DeviceCode = 671;
    public const int ClientCredentials = 771;
    public const int AuthorizationCode = 871;
    public const int RefreshToken = 872;
}
