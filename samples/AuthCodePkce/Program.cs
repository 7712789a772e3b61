// Interactive sign-in with the authorization code flow and PKCE (RFC 6749 + RFC 7636), the
// redirect received on http://127.0.0.1:{free port}/ (RFC 8252). Against the embedded fake the
// sample plays the browser itself; against a real tenant it opens the system browser.
using Auth.Common.Requests;
using Auth.Server;
using Samples;

await using var environment = SampleEnvironment.Create("sample-desktop-app");
var app = new PublicClientApplication(environment.PublicClientOptions());

var result = await app.AcquireTokenInteractiveAsync(new InteractiveRequest
{
    Scopes = environment.Scopes,
    OpenBrowser = environment.Fake is { } fake ? (url, ct) => FakeBrowser.OpenAsync(fake, url, ct) : null,
});
environment.Show("Interactive", result);

var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = environment.Scopes, Account = result.Account! });
environment.Show("Silent", silent);
return silent.Source == Auth.Common.Responses.TokenSource.Cache ? 0 : 1;
