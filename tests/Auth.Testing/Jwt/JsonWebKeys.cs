using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Auth.Testing.Jwt;

/// <summary>The RSA keys of a JSON Web Key Set (RFC 7517): <c>kty</c> "RSA" members with <c>n</c> and <c>e</c>; other keys are skipped.</summary>
internal sealed class JsonWebKeys
{
    private readonly IReadOnlyList<(string? KeyId, RSAParameters Key)> _keys;

    private JsonWebKeys(IReadOnlyList<(string? KeyId, RSAParameters Key)> keys)
    {
        _keys = keys;
    }

    /// <exception cref="ArgumentException">Not a JWKS with at least one RSA key.</exception>
    public static JsonWebKeys Parse(string jwksJson)
    {
        var keys = new List<(string?, RSAParameters)>();
        try
        {
            using var document = JsonDocument.Parse(jwksJson);
            foreach (var key in document.RootElement.GetProperty("keys").EnumerateArray())
            {
                if (key.TryGetProperty("kty", out var kty) && kty.GetString() == "RSA")
                {
                    var parameters = new RSAParameters
                    {
                        Modulus = Base64Url.DecodeFromChars(key.GetProperty("n").GetString()),
                        Exponent = Base64Url.DecodeFromChars(key.GetProperty("e").GetString()),
                    };
                    keys.Add((key.TryGetProperty("kid", out var kid) ? kid.GetString() : null, parameters));
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException("The JWKS is not a JSON Web Key Set.", nameof(jwksJson), ex);
        }

        return keys.Count > 0 ? new JsonWebKeys(keys) : throw new ArgumentException("The JWKS holds no RSA key.", nameof(jwksJson));
    }

    /// <summary>Whether a key of the set (the one named by <paramref name="keyId"/> when given) verifies the signature.</summary>
    public bool Verifies(CompactJwt jwt, string? keyId, RSASignaturePadding padding)
    {
        foreach (var (id, parameters) in _keys)
        {
            if (keyId is not null && id is not null && id != keyId)
            {
                continue;
            }

            using var rsa = RSA.Create(parameters);
            if (rsa.VerifyData(jwt.SigningInput, jwt.Signature, HashAlgorithmName.SHA256, padding))
            {
                return true;
            }
        }

        return false;
    }
}
