using System.CommandLine;
using Auth.Common.Errors;
using TokenTool.Output;

namespace TokenTool.Cli;

/// <summary>Runs a command's action: an <see cref="AuthException"/> becomes its code and message on stderr and a non-zero exit code.</summary>
internal static class CommandRunner
{
    public static void SetAction(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (AuthException ex)
            {
                Terminal.Error(ex.Code, ex.Message);
                return ex is InteractionRequiredException || ex.Code is ToolErrorCodes.NoAccount ? ExitCodes.SignInRequired
                    : ex.Code is ToolErrorCodes.Usage or ToolErrorCodes.AccountAmbiguous ? ExitCodes.Usage
                    : ExitCodes.Failed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Terminal.Error("cancelled", "Stopped.");
                return ExitCodes.Failed;
            }
        });
}
