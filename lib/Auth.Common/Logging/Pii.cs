namespace Auth.Common.Logging;

/// <summary>Redacts personal data (user names, names, e-mail, IPs) unless the app enabled PII logging.</summary>
internal static class Pii
{
    public const string Redacted = "(pii)";

    public static string Mask(string? value, bool enablePii) =>
        value is null ? "(null)" : enablePii ? value : Redacted;
}
