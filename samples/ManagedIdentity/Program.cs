// Gets a token of an Azure managed identity for https://management.azure.com twice: the first from the identity
// endpoint, the second from the token cache. It prints where each came from and when it expires, never the token.
//
// With no configuration it starts the embedded FakeManagedIdentityEndpoint (tests/Auth.Testing) on a free loopback
// port, playing IMDS; --source AppService|AzureArc|CloudShell|ServiceFabric|MachineLearning plays another source.
// On an Azure host it calls the real endpoint: when the environment names a source (IDENTITY_ENDPOINT, MSI_ENDPOINT or
// AZURE_POD_IDENTITY_AUTHORITY_HOST), when the Azure Arc agent is installed, or with --azure (a VM's IMDS has no
// variable). --identity SystemAssigned|ClientId:<id>|ResourceId:<id>|ObjectId:<id> picks the identity (default
// SystemAssigned), --resource another resource.
using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Common.Requests;
using Auth.Common.Responses;
using Auth.Server;
using Auth.Testing;
using Microsoft.Extensions.Logging;
using Samples;

string? source = null;
var identity = "SystemAssigned";
var resource = "https://management.azure.com";
var azure = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--azure":
            azure = true;
            break;
        case "--source" when i + 1 < args.Length:
            source = args[++i];
            break;
        case "--identity" when i + 1 < args.Length:
            identity = args[++i];
            break;
        case "--resource" when i + 1 < args.Length:
            resource = args[++i];
            break;
        default:
            return Usage($"'{args[i]}' is not understood.");
    }
}

string[] sourceVariables = ["IDENTITY_ENDPOINT", "MSI_ENDPOINT", "AZURE_POD_IDENTITY_AUTHORITY_HOST"];
var onAzure = azure
    || sourceVariables.Any(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
    || new ManagedIdentityPlatform().IsAzureArcAgentInstalled;
var fakeSource = FakeManagedIdentitySource.Imds;
if (source is not null && (onAzure || !Enum.TryParse(source, ignoreCase: true, out fakeSource) || !Enum.IsDefined(fakeSource)))
{
    return Usage(onAzure
        ? "--source picks the source the embedded fake plays; on an Azure host the environment names the source."
        : $"'{source}' is not a source: use Imds, AppService, AzureArc, CloudShell, ServiceFabric or MachineLearning.");
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
using var fake = onAzure ? null : FakeManagedIdentityEndpoint.Start(new FakeManagedIdentityOptions { Source = fakeSource });
try
{
    // #region snippet
    var app = new ManagedIdentityApplication(new ManagedIdentityOptions
    {
        Identity = ManagedIdentityId.Parse(identity),             // SystemAssigned, ClientId:<id>, ResourceId:<id> or ObjectId:<id>
        Platform = fake is null ? new ManagedIdentityPlatform() : FakePlatform(fake), // the real one reads the process's environment
        LoggerFactory = loggerFactory,
    });
    Console.WriteLine(fake is null
        ? $"Source: {app.GetManagedIdentitySource()} (this host's identity endpoint)"
        : $"Source: {app.GetManagedIdentitySource()} (embedded FakeManagedIdentityEndpoint at {fake.Endpoint}; on an Azure host the real endpoint is used)");
    Console.WriteLine($"Identity: {app.Identity}, resource: {resource}");

    var request = new ManagedIdentityRequest { Resource = resource };
    var first = await app.AcquireTokenForManagedIdentityAsync(request);
    var second = await app.AcquireTokenForManagedIdentityAsync(request);
    // #endregion

    // Never print or log a token: only where it came from and when it expires.
    Console.WriteLine($"1st call: source={first.Source}, expires={first.ExpiresOn:u}");
    Console.WriteLine($"2nd call: source={second.Source}, expires={second.ExpiresOn:u}");
    Console.WriteLine(second.Source == TokenSource.Cache
        ? "The second call was served from the cache, without asking the identity endpoint."
        : "Unexpected: the second call asked the identity endpoint again.");
    return second.Source == TokenSource.Cache ? 0 : 1;
}
catch (AuthException ex)
{
    Console.Error.WriteLine($"Managed identity failed: {ex.Code}: {ex.Message}");
    return 1;
}

static IManagedIdentityPlatform FakePlatform(FakeManagedIdentityEndpoint fake)
{
    // The fake's environment variables (not the process's) make the detection pick it.
    var platform = new ManagedIdentityPlatform(fake.EnvironmentVariables);

    // Azure Arc: the real platform trusts key files only where the Arc agent writes them (/var/opt/azcmagent/tokens/);
    // the fake writes its own into a temporary directory. For the local fake only, trust that one.
    return fake.AzureArcKeyDirectory is { } keys ? new LocalArcKeyDirectory(platform, keys) : platform;
}

static int Usage(string problem)
{
    Console.Error.WriteLine(problem);
    Console.Error.WriteLine("Usage: ManagedIdentity [--source Imds|AppService|AzureArc|CloudShell|ServiceFabric|MachineLearning] [--azure] [--identity SystemAssigned|ClientId:<id>|ResourceId:<id>|ObjectId:<id>] [--resource <uri>]");
    return 2;
}
