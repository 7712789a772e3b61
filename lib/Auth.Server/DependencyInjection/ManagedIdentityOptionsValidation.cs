using Microsoft.Extensions.Options;

namespace Auth.Server.DependencyInjection;

/// <summary>Validates managed identity options at start-up and reports every problem at once.</summary>
internal sealed class ManagedIdentityOptionsValidation : IValidateOptions<ManagedIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, ManagedIdentityOptions options)
    {
        var problems = ManagedIdentityApplication.Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
