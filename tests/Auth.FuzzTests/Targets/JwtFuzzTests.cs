using Auth.Common.Accounts;
using Auth.Common.Jwt;
using Auth.FuzzTests.Generators;
using Auth.FuzzTests.Harness;
using CsCheck;

namespace Auth.FuzzTests.Targets;

/// <summary>
/// The JWT and ID-token readers: <see cref="JwtPayload"/>, <see cref="JwtHeader"/>,
/// <see cref="ClientInfo"/> and <see cref="IdTokenValidator"/>. Any text is read, ignored (null)
/// or refused with <c>invalid_id_token</c> / <c>nonce_mismatch</c>.
/// </summary>
[TestFixture]
public sealed class JwtFuzzTests
{
    private static readonly string[] HeaderFields = ["alg", "typ", "kid", "x5t", "crit"];

    private static readonly string[] ClaimFields = ["aud", "exp", "nonce", "iss", "iat", "nbf", "tid", "oid", "sub", "uid", "utid", "preferred_username"];

    private static readonly Mutator Compact = new(".", "..", "=", "-", "_", "+", "/", "eyJ", "e30", "bnVsbA", "W10");

    private static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task ReadAndValidate_AnyText_ReadsOrRefusesWithAuthException()
    {
        var header = JsonGen.ObjectOf(HeaderFields, Gen.Frequency((3, JsonGen.Value(1)), (2, Gen.OneOf(Gen.Const("\"RS256\""), Gen.Const("\"none\""), Gen.Const("\"NONE\"")))));
        var claims = JsonGen.ObjectOf(ClaimFields, Gen.Frequency(
            (3, JsonGen.Value(2)),
            (1, Gen.Const($"\"{Seeds.ClientId}\"")),
            (1, Gen.Const($"\"{Seeds.Nonce}\"")),
            (2, Gen.OneOf(Gen.Const("253402300799"), Gen.Const("253402300800"), Gen.Const("-62135596800"), Gen.Const("-62135596801"), Gen.Const("\"9223372036854775807\""), Gen.Const("-9223372036854775808")))));
        var segment = Gen.Frequency(
            (2, Gen.Char["A-Za-z0-9-_"].Array[0, 80].Select(c => new string(c))),
            (1, Gen.String),
            (1, JsonGen.Value(2).Select(Seeds.Base64Url)));
        var claimValue = Gen.Frequency(
            (3, JsonGen.Value(2)),
            (2, Gen.OneOf(Gen.Const("253402300799"), Gen.Const("253402300800"), Gen.Const("-62135596800"), Gen.Const("-62135596801"), Gen.Const("\"9223372036854775807\""), Gen.Const("-9223372036854775808"), Gen.Const("1e20"))));
        var structured = Gen.Select(header, Gen.Frequency((2, claims), (3, JsonGen.Vary(Seeds.IdTokenClaims, claimValue))), segment, (h, c, s) => Seeds.Jwt(h, c, s));
        var parts = segment.Array[0, 5].Select(s => string.Join('.', s));
        var inputs = Gen.Frequency(
            (4, structured),
            (3, Compact.Mutate(Seeds.IdTokens)),
            (1, parts),
            (1, Gen.String));

        await new FuzzRunner<string>("jwt", inputs, s => s.Length, ReadAndValidate, FuzzPrint.Text).RunAsync();
    }

    private static void ReadAndValidate(string jwt)
    {
        _ = JwtPayload.TryRead(jwt);
        _ = JwtHeader.TryReadAlgorithm(jwt);
        _ = ClientInfo.TryParse(jwt.Split('.')[0]);
        _ = ClientInfo.TryParse(jwt);
        FuzzAssert.Refusable(() => IdTokenValidator.Validate(jwt, Seeds.ClientId, Seeds.Issuer, Seeds.Nonce, Now, TimeSpan.FromMinutes(5)));
        FuzzAssert.Refusable(() => IdTokenValidator.Validate(jwt, Seeds.ClientId, Seeds.IssuerTemplate, expectedNonce: null, Now, TimeSpan.FromDays(1)));
    }
}
