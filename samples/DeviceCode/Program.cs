// The device authorization grant (RFC 8628), for machines without a browser: the app shows a code,
// the user enters it on another device, the app polls until the sign-in is done. Against the
// embedded fake, the sample approves the code itself as the fake's default user.
using Auth.Common.Requests;
using Auth.Server;
using Samples;

await using var environment = SampleEnvironment.Create("sample-device-app");
var app = new PublicClientApplication(environment.PublicClientOptions());

var result = await app.AcquireTokenByDeviceCodeAsync(new DeviceCodeRequest
{
    Scopes = environment.Scopes,
    DeviceCodeCallback = (info, _) =>
    {
        Console.WriteLine(info.Message);
        if (environment.Fake is { } fake)
        {
            Console.WriteLine($"(the sample approves {info.UserCode} as {fake.DefaultUser.Username})");
            fake.ApproveDeviceCode(info.UserCode);
        }

        return Task.CompletedTask;
    },
});
environment.Show("Device code", result);
return 0;
