using Auth.Common.Errors;
using Auth.Common.Responses;
using TokenTool.Cli;

namespace TokenTool.Session;

/// <summary>Picks the account a command works on: the one named, or the only one signed in.</summary>
internal static class AccountSelector
{
    public static AccountInfo Select(IReadOnlyList<AccountInfo> accounts, string? username)
    {
        if (username is not null)
        {
            return accounts.FirstOrDefault(a => string.Equals(a.Username, username, StringComparison.OrdinalIgnoreCase))
                ?? throw new AuthClientException(ToolErrorCodes.NoAccount, $"No account {username} is signed in: run auth-token login.");
        }

        return accounts.Count switch
        {
            0 => throw new AuthClientException(ToolErrorCodes.NoAccount, "No account is signed in: run auth-token login."),
            1 => accounts[0],
            _ => throw new AuthClientException(
                ToolErrorCodes.AccountAmbiguous,
                $"{accounts.Count} accounts are signed in ({string.Join(", ", accounts.Select(a => a.Username))}): pass --username."),
        };
    }
}
