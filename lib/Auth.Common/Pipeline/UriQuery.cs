namespace Auth.Common.Pipeline;

/// <summary>Appends query parameters to an endpoint URI.</summary>
internal static class UriQuery
{
    public static Uri Append(Uri uri, IReadOnlyDictionary<string, string>? parameters)
    {
        if (parameters is null || parameters.Count == 0)
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        var extra = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
        builder.Query = string.IsNullOrEmpty(builder.Query) ? extra : $"{builder.Query.TrimStart('?')}&{extra}";
        return builder.Uri;
    }
}
