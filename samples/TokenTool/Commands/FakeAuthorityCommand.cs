using System.CommandLine;
using Auth.Testing;
using TokenTool.Cli;
using TokenTool.Configuration;
using TokenTool.Output;

namespace TokenTool.Commands;

/// <summary>
/// <c>auth-token fake-authority [--port n]</c>: runs the FakeAuthority from tests/Auth.Testing in the foreground, over
/// http on loopback, with a fixed tenant and the tool's client registered, until Ctrl+C. The tool's other commands use
/// it when no authority is configured (port 5389), so a tool run, which is many processes, meets one authority.
/// </summary>
internal static class FakeAuthorityCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "The loopback port (0: any free port)", DefaultValueFactory = _ => FakeDefaults.Port };
        var command = new Command("fake-authority", "Run a local fake authority for trying the tool without a tenant (Ctrl+C stops it)");
        command.Options.Add(port);
        CommandRunner.SetAction(command, async (parseResult, cancellationToken) =>
        {
            var chosen = parseResult.GetValue(port);
            await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false, Port = chosen == 0 ? null : chosen, TenantId = FakeDefaults.TenantId });
            fake.RegisterPublicClient(FakeDefaults.ClientId);
            Console.Out.WriteLine($"authority: {fake.Authority}");
            Console.Out.WriteLine($"client id: {FakeDefaults.ClientId}");
            Console.Out.WriteLine($"user: {fake.DefaultUser.Username} / {fake.DefaultUser.Password}");
            Console.Out.WriteLine($"device sign-in page: {new Uri(fake.BaseUri, "devicelogin")}");
            Terminal.Info(chosen == FakeDefaults.Port
                ? "In another terminal: auth-token login --scope api://sample-api/read (the tool uses this authority when none is configured)."
                : $"In another terminal: export AUTH_AUTHORITY={fake.Authority} AUTH_CLIENT_ID={FakeDefaults.ClientId}; auth-token login --scope api://sample-api/read");
            Terminal.Info("Ctrl+C stops it; its refresh tokens die with it, so sign in again after a restart.");
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
