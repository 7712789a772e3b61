// A web API that accepts bearer tokens for itself (scope access_as_user) and calls Microsoft Graph's /me on behalf
// of the caller (the OAuth 2.0 on-behalf-of flow): the middle of the chain web app → web API → Graph.
//
// With the web app: run samples/WebApp and start this API with the command it prints, which points it at the web
// app's embedded FakeAuthority (AUTH_AUTHORITY=http://localhost:{port}/{tenant} AUTH_CLIENT_ID=sample-web-api
// AUTH_CLIENT_SECRET=sample-api-secret ... --urls http://127.0.0.1:5090); the web app's /profile page then shows
// what came back through both hops. Against a FakeAuthority "Graph" is a fake in this process (FakeGraph).
// A real tenant: AUTH_AUTHORITY, AUTH_CLIENT_ID and AUTH_CLIENT_SECRET of the API's registration (which exposes the
// scope access_as_user and may call Graph's User.Read); it then calls https://graph.microsoft.com/v1.0/me
// (Downstream__Url and Downstream__Scope name another API).
//
// Alone, with no configuration, it starts its own embedded FakeAuthority and, as a test aid only, offers GET /dev/token,
// a caller token minted without any sign-in (what a client app would have sent):
//   TOKEN=$(curl -s http://127.0.0.1:5090/dev/token); curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:5090/me
// With Downstream__RequireAuthContext=true the fake Graph answers a token without the authentication context c1 with
// a claims challenge; /me then asks for a token with those claims and calls again.
using Auth.Server.DependencyInjection;
using Samples.Web;
using WebApiObo;

using var authority = WebSampleAuthority.FromEnvironment(OnBehalfOfChain.ApiClientId, OnBehalfOfChain.ApiFakeSecret);
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddConfidentialClient(authority.Configure);
var downstream = DownstreamSettings.From(builder.Configuration, authority);
builder.Services.AddSingleton(downstream);
Schemes.Add(builder, authority);
builder.Services.AddAuthorization();
builder.Services.AddHttpClient("downstream");

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();
ApiEndpoints.Map(app);
if (authority.IsFake)
{
    FakeGraph.Map(app);
}

DownstreamClaimsChallenge.MapClaimsSent(app, authority.Fake);
if (authority.Fake is { } fake)
{
    // A test aid, only against this process's own embedded fake: the token a client app would have sent, without a sign-in.
    app.MapGet("/dev/token", () => fake.IssueUserAccessToken(fake.DefaultUser, authority.ClientId, [OnBehalfOfChain.ApiScope]));
}

app.MapGet("/health", () => "ok");
Console.WriteLine($"Accepting tokens from {authority.Authority} for {authority.ClientId} (scope {OnBehalfOfChain.ApiScopeName}); calling {downstream.Url?.AbsoluteUri ?? FakeGraph.MePath + " (fake Graph)"} with {downstream.Scope} on behalf of the caller");
await app.RunAsync();
