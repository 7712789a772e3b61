using Auth.Common.Errors;

namespace Auth.Common.Flows;

/// <summary>Checks the parts of a request every flow shares.</summary>
internal static class RequestValidation
{
    /// <summary>Returns the scopes, trimmed and de-duplicated, or throws if there are none or one is malformed.</summary>
    public static IReadOnlyList<string> Scopes(IReadOnlyList<string>? scopes)
    {
        if (scopes is null || scopes.Count == 0)
        {
            throw new AuthClientException(AuthErrorCodes.InvalidRequest, "The request has no scopes. Pass at least one scope, such as 'https://graph.microsoft.com/.default'.");
        }

        var result = new List<string>(scopes.Count);
        foreach (var scope in scopes)
        {
            var trimmed = scope?.Trim();
            if (string.IsNullOrEmpty(trimmed) || trimmed.Contains(' ', StringComparison.Ordinal))
            {
                throw new AuthClientException(AuthErrorCodes.InvalidRequest, "A scope is empty or contains a space. Pass each scope as its own list item.");
            }

            if (!result.Contains(trimmed, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(trimmed);
            }
        }

        return result;
    }
}
