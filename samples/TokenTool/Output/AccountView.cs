using Auth.Common.Responses;

namespace TokenTool.Output;

/// <summary>An account as <c>accounts --json</c> prints it.</summary>
internal sealed record AccountView(string? Username, string? Name, string HomeAccountId, string Environment, string? TenantId)
{
    public static AccountView From(AccountInfo account) =>
        new(account.Username, account.Name, account.HomeAccountId, account.Environment, account.TenantId);
}
