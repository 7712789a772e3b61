// Silent sign-in across runs: the first run signs in (device code; approved automatically by the
// embedded fake) and the token cache is saved to a file; the next run finds the account in the
// file and is served silently, without the user. Delete the file to start over.
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Server;
using Samples;

var cacheFile = Path.Combine(Path.GetTempPath(), "auth-samples-silentflow.cache.json");
await using var environment = SampleEnvironment.Create("sample-silent-app");
var app = new PublicClientApplication(environment.PublicClientOptions(new FileCachePlugin(cacheFile)));

var accounts = await app.GetTokenCache().GetAllAccountsAsync();
var account = accounts.Count > 0 ? accounts[0] : null;
if (account is not null)
{
    try
    {
        var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = environment.Scopes, Account = account });
        environment.Show($"Silent (from {cacheFile})", silent);
        return 0;
    }
    catch (InteractionRequiredException ex)
    {
        Console.WriteLine($"Silent sign-in needs the user ({ex.Code}); signing in again.");
    }
}

var result = await app.AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
{
    Scopes = environment.Scopes,
    DeviceCodeCallback = (info, _) =>
    {
        Console.WriteLine(info.Message);
        environment.Fake?.ApproveDeviceCode(info.UserCode);
        return Task.CompletedTask;
    },
});
environment.Show("Signed in", result);
Console.WriteLine($"The cache is saved in {cacheFile}; run the sample again to be served silently.");
return 0;
