using System.Text;
using Auth.Common.Errors;
using Auth.Common.Platform;

namespace Auth.Common.ManagedIdentity;

/// <summary>
/// Azure Arc's challenge: a 401 whose <c>WWW-Authenticate: Basic realm=&lt;path&gt;</c> names a key file the Arc agent
/// just wrote, whose contents go back as <c>Authorization: Basic</c>. The path comes from whoever answers on the endpoint,
/// so the file is read only where the agent keeps its keys (<see cref="IManagedIdentityPlatform.AzureArcKeyDirectory"/>),
/// only with a <c>.key</c> extension, and only up to 4096 bytes: otherwise any local process listening on the port could
/// have any file the app can read sent to it.
/// </summary>
internal static class AzureArcChallenge
{
    private const string Prefix = "Basic realm=";

    public static async Task<string> ReadKeyAsync(NetworkResponse response, IManagedIdentityPlatform platform, Guid correlationId, CancellationToken cancellationToken)
    {
        var path = KeyFilePath(response, correlationId);
        Check(path, platform.AzureArcKeyDirectory, correlationId);
        byte[] bytes;
        try
        {
            bytes = await platform.ReadAzureArcKeyAsync(path, ManagedIdentityWire.MaxArcKeyBytes + 1, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AuthClientException(
                AuthErrorCodes.ManagedIdentityKeyFileUnreadable,
                $"Azure Arc's key file {path} could not be read ({ex.GetType().Name}). On Linux the process must be in the himds group; the file must be a regular file, not a link.",
                ex)
            {
                CorrelationId = correlationId,
            };
        }

        if (bytes.Length > ManagedIdentityWire.MaxArcKeyBytes)
        {
            throw new AuthClientException(
                AuthErrorCodes.ManagedIdentityKeyFileTooLarge,
                $"Azure Arc's key file {path} is larger than {ManagedIdentityWire.MaxArcKeyBytes} bytes, which no Arc key is; it was not sent.")
            {
                CorrelationId = correlationId,
            };
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static string KeyFilePath(NetworkResponse response, Guid correlationId)
    {
        var header = response.Headers.FirstOrDefault(h => h.Key.Equals("WWW-Authenticate", StringComparison.OrdinalIgnoreCase)).Value;
        var path = header is not null && header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ? header[Prefix.Length..].Trim().Trim('"') : null;
        return !string.IsNullOrEmpty(path)
            ? path
            : throw new AuthServiceException(
                AuthErrorCodes.ManagedIdentityChallengeInvalid,
                header is null
                    ? "Azure Arc answered 401 without a WWW-Authenticate header naming its key file. Check that the Arc agent (himds) is running."
                    : $"Azure Arc answered 401 with a challenge that is not 'Basic realm=<key file>' ('{ServerText.Text(header, 200)}').")
            {
                StatusCode = 401,
                CorrelationId = correlationId,
            };
    }

    private static void Check(string path, string? directory, Guid correlationId)
    {
        if (directory is null)
        {
            throw new AuthClientException(
                AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory,
                "Azure Arc keeps its keys only on Linux and Windows; on this OS no key file is trusted, so the challenge was not answered.")
            {
                CorrelationId = correlationId,
            };
        }

        if (!Path.GetExtension(path).Equals(".key", StringComparison.Ordinal))
        {
            throw new AuthClientException(
                AuthErrorCodes.ManagedIdentityKeyFileExtension,
                $"Azure Arc's challenge named '{ServerText.Text(path, 300)}', which is not a .key file; it was not read.")
            {
                CorrelationId = correlationId,
            };
        }

        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var expected = Path.Join(directory, Path.GetFileName(path));
        if (!Path.IsPathFullyQualified(path) || !string.Equals(Path.GetFullPath(path), expected, comparison) || !string.Equals(path, expected, comparison))
        {
            throw new AuthClientException(
                AuthErrorCodes.ManagedIdentityKeyFileOutsideDirectory,
                $"Azure Arc's challenge named '{ServerText.Text(path, 300)}', which is not in {directory}, where the Arc agent keeps its keys; it was not read. Something other than the Arc agent may be answering on the identity endpoint.")
            {
                CorrelationId = correlationId,
            };
        }
    }
}
