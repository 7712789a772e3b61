namespace Auth.Common.Errors;

/// <summary>
/// Azure AD B2C's answers that an app handles by code: B2C sends them as an OAuth error (<c>access_denied</c> on the
/// redirect, or a token endpoint error) whose <c>error_description</c> starts with its own code, <c>AADB2C{number}:</c>.
/// </summary>
internal static class B2CServerErrors
{
    /// <summary>The user chose "Forgot your password?" in a sign-in policy.</summary>
    public const string PasswordReset = "AADB2C90118";

    /// <summary>The user cancelled a self-asserted page (edit profile, password reset, sign-up).</summary>
    public const string UserCancelled = "AADB2C90091";

    /// <summary>Returns the library's code for a B2C description that starts with one of these codes, else null.</summary>
    public static string? CodeFor(string? description) =>
        description is null ? null
        : description.StartsWith(PasswordReset, StringComparison.Ordinal) ? AuthErrorCodes.B2CPasswordResetRequested
        : description.StartsWith(UserCancelled, StringComparison.Ordinal) ? AuthErrorCodes.B2CUserCancelled
        : null;
}
