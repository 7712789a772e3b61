namespace Samples.Web;

/// <summary>
/// The on-behalf-of chain of the web samples: the web app (samples/WebApp) signs the user in and calls the web API
/// (samples/WebApiObo) with a token for <see cref="ApiScope"/>; the API validates it and exchanges it, on behalf of
/// the user, for a Microsoft Graph token (<see cref="GraphScope"/>) to read the user's profile. With no configuration
/// both processes use the web app's embedded FakeAuthority, where the web app registers the API too, and "Graph" is
/// the API's in-process fake.
/// </summary>
internal static class OnBehalfOfChain
{
    public const string ApiClientId = "sample-web-api";

    /// <summary>The API's secret at the embedded FakeAuthority only; a real tenant's comes from AUTH_CLIENT_SECRET.</summary>
    public const string ApiFakeSecret = "sample-api-secret";

    /// <summary>The scope the API exposes (Entra: "Expose an API"); it accepts only tokens carrying it.</summary>
    public const string ApiScopeName = "access_as_user";

    public const string ApiScope = "api://" + ApiClientId + "/" + ApiScopeName;

    /// <summary>Where the web app looks for the API unless <c>WebApi:BaseUrl</c> says otherwise.</summary>
    public const string DefaultApiUrl = "http://127.0.0.1:5090/";

    public const string GraphResource = "https://graph.microsoft.com";

    public const string GraphScope = GraphResource + "/User.Read";

    public const string GraphMeUrl = GraphResource + "/v1.0/me";

    /// <summary>The shell command that starts the web API against <paramref name="authority"/> (a FakeAuthority), listening at <paramref name="apiUrl"/>.</summary>
    public static string StartApiCommand(string authority, Uri apiUrl) =>
        $"AUTH_AUTHORITY={authority} AUTH_CLIENT_ID={ApiClientId} AUTH_CLIENT_SECRET={ApiFakeSecret} dotnet run --project samples/WebApiObo -- --urls {apiUrl.GetLeftPart(UriPartial.Authority)}";
}
