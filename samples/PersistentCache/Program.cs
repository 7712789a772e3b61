// Sign in once, stay signed in: the first run signs in with a device code (approved by the
// embedded fake) and the token cache is saved to a file encrypted with AES-256-GCM, whose key sits
// in the OS secret store (libsecret / DPAPI / Keychain). The next run, or another process of the
// app at the same time, is served silently from that file. Delete the directory to start over.
using Auth.Common.Errors;
using Auth.Common.Requests;
using Auth.Extensions.Persistence;
using Auth.Server;
using Samples;

var directory = Path.Combine(Path.GetTempPath(), "auth-samples-persistentcache");
var builder = new PersistenceBuilder(Path.Combine(directory, "tokens.cache")).WithPlatformKeyStore("org.auth.samples.PersistentCache");
var verification = await builder.VerifyAsync();
if (verification.IsUsable)
{
    Console.WriteLine($"Cache: {builder.CacheFilePath} (encrypted, key in the OS secret store)");
}
else
{
    // The app's decision, not the library's: this sample prefers staying signed in over failing.
    // A key file beside the cache would protect nothing that the file's 0600 mode does not, so the
    // honest fallback is a plaintext file, said out loud.
    Console.WriteLine($"The OS secret store is unusable ({verification.ErrorCode}): {verification.Reason}");
    Console.WriteLine($"FALLBACK: tokens are stored UNENCRYPTED in {builder.CacheFilePath} (owner-only file).");
    builder.UnsafeAllowUnencryptedFile();
}

var plugin = new PersistentTokenCachePlugin(builder.Build(), new PersistentTokenCacheOptions { LockFilePath = builder.LockFilePath });
await using var environment = SampleEnvironment.Create("sample-persistent-app");
var app = new PublicClientApplication(environment.PublicClientOptions(plugin));

var accounts = await app.GetTokenCache().GetAllAccountsAsync();
if (accounts.Count > 0)
{
    try
    {
        var silent = await app.AcquireTokenSilentAsync(new SilentFlowRequest { Scopes = environment.Scopes, Account = accounts[0] });
        environment.Show("Silent (from the persisted cache)", silent);
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
Console.WriteLine("Run the sample again to be served silently from the persisted cache.");
return 0;
