using Auth.Testing.Http;

namespace Auth.Testing.B2C;

/// <summary>
/// B2C's error descriptions: <c>AADB2C{number}: {message}</c>, then the correlation id and timestamp lines, with the
/// messages of B2C's documented error codes.
/// </summary>
internal static class B2CErrors
{
    public static string ForgotPassword(DateTimeOffset now) => Describe("AADB2C90118", "The user has forgotten their password.", now);

    public static string Cancelled(DateTimeOffset now) => Describe("AADB2C90091", "The user has cancelled entering self-asserted information.", now);

    /// <summary>Any endpoint of a policy the tenant lacks: 404 with AADB2C90022.</summary>
    public static HttpReply UnknownPolicy(string policy, string tenant, DateTimeOffset now) => HttpReply.Json(404, JsonText.Object(writer =>
    {
        writer.WriteString("error", "invalid_request");
        writer.WriteString("error_description", Describe("AADB2C90022", $"Unable to return metadata for the policy '{policy}' in tenant '{tenant}'.", now));
    })).NoStore();

    private static string Describe(string code, string message, DateTimeOffset now) =>
        $"{code}: {message}\r\nCorrelation ID: {Guid.NewGuid()}\r\nTimestamp: {now.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z\r\n";
}
