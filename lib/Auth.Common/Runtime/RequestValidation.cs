using Auth.Common.Errors;

namespace Auth.Common.Runtime;

/// <summary>Checks the parts of a request every flow shares.</summary>
internal static class RequestValidation
{
    /// <summary>
    /// Returns whether <paramref name="scopes"/> already is what <see cref="Scopes"/> would return
    /// (non-empty, no blanks or spaces, no duplicates), so a cache lookup can use it as it is.
    /// </summary>
    public static bool IsClean([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] IReadOnlyList<string>? scopes)
    {
        if (scopes is null || scopes.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < scopes.Count; i++)
        {
            var scope = scopes[i];
            if (string.IsNullOrEmpty(scope) || char.IsWhiteSpace(scope[0]) || char.IsWhiteSpace(scope[^1]) || scope.Contains(' ', StringComparison.Ordinal))
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(scopes[j], scope, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }

        return true;
    }

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
