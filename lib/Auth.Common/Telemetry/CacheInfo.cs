namespace Auth.Common.Telemetry;

/// <summary>Why a request went to the network, as reported in <c>x-client-current-telemetry</c>.</summary>
internal static class CacheInfo
{
    public const int NotApplicable = 0;
    public const int ForceRefreshOrClaims = 1;
    public const int NoCachedToken = 2;
    public const int Expired = 3;
    public const int ProactiveRefresh = 4;
}
