using Auth.Server.Applications;
using Microsoft.Extensions.Options;

namespace Auth.Server.DependencyInjection;

/// <summary>Validates application options at start-up and reports every problem at once.</summary>
internal sealed class ClientOptionsValidation<TOptions> : IValidateOptions<TOptions>
    where TOptions : ClientApplicationOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var problems = TokenClientOptionsFactory.Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
