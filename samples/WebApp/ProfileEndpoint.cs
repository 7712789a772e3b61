using System.Net.Http.Headers;
using System.Text.Json;
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;

namespace WebApp;

/// <summary>
/// <c>/profile</c>: the on-behalf-of chain. The web app gets a token for the web API silently (the sign-in's refresh
/// token redeemed for the API's scope, then the cache), calls the API's <c>/me</c>, and the API calls Graph on behalf
/// of the user. The page shows Graph's profile of the user and what each hop saw; a failed hop is shown as an error.
/// </summary>
internal static class ProfileEndpoint
{
    private const string Title = "Your Graph profile, through the web API";

    public static void Map(WebApplication app) => app.MapGet("/profile", RenderAsync).RequireAuthorization();

    private static async Task<IResult> RenderAsync(HttpContext context, ConfidentialClientApplication auth, IHttpClientFactory http, WebApiSettings api)
    {
        if (await SignInEndpoints.FindAccountAsync(context, auth) is not { } account)
        {
            return Page.Html(context, Title, Page.Error(SignInEndpoints.AccountGone));
        }

        AuthenticationResult token;
        try
        {
            token = await auth.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = [api.Scope], Account = account });
        }
        catch (InteractionRequiredException ex)
        {
            return Page.Html(context, Title, Page.Error($"No token for the web API without you: {ex.Code}.", "<a href=\"/signout\">Sign out</a> and in again."));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(api.BaseUrl, "me"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient("webapi").SendAsync(request);
        }
        catch (HttpRequestException ex)
        {
            var start = api.StartCommand is null ? null : $"Start it in another terminal:<pre>{Page.Encode(api.StartCommand)}</pre>";
            return Page.Html(context, Title, Page.Error($"The web API at {api.BaseUrl} did not answer: {ex.Message}", start));
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                return Page.Html(context, Title, Page.Error($"The web API answered {(int)response.StatusCode} {response.ReasonPhrase}. {body}"));
            }

            using var answer = JsonDocument.Parse(body);
            return Page.Html(context, Title, ChainView.Render(api, token, answer.RootElement));
        }
    }
}
