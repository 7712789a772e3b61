using System.Diagnostics.CodeAnalysis;

namespace Auth.Testing.Endpoints;

/// <summary>Matches request paths of the form <c>/{tenant}{suffix}</c> (one tenant segment, optional trailing slash).</summary>
internal static class TenantPath
{
    public static bool Matches(string? path, string suffix) => TryGetTenant(path, suffix, out _);

    public static bool TryGetTenant(string? path, string suffix, [NotNullWhen(true)] out string? tenant)
    {
        tenant = null;
        if (path is null || path.Length < 2 || path[0] != '/')
        {
            return false;
        }

        var trimmed = path.Length > 1 && path.EndsWith('/') ? path[..^1] : path;
        if (!trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segment = trimmed[1..^suffix.Length];
        if (segment.Length == 0 || segment.Contains('/', StringComparison.Ordinal))
        {
            return false;
        }

        tenant = segment;
        return true;
    }
}
