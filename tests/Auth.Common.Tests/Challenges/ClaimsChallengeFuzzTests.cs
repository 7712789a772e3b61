using System.Text;
using System.Text.Json;
using Auth.Common.Challenges;
using Auth.Common.Errors;

namespace Auth.Common.Tests.Challenges;

/// <summary>
/// Seeded random inputs for the WWW-Authenticate parser: arbitrary text never escapes as anything but
/// <see cref="AuthErrorCodes.InvalidClaimsChallenge"/>, and any claims JSON, encoded in any base64 variant and
/// surrounded by other parameters and challenges, comes back exactly.
/// </summary>
[TestFixture]
public sealed class ClaimsChallengeFuzzTests
{
    private const int Iterations = 3000;
    private const string Alphabet = "Bearer PoP claims=error\"\\,, =\t abcXYZ019+/_-~.{}[]:é";

    [Test]
    public void FromWwwAuthenticate_ArbitraryText_ReturnsOrThrowsInvalidClaimsChallengeOnly([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        var unexpected = new List<string>();

        for (var i = 0; i < Iterations; i++)
        {
            var header = new string([.. Enumerable.Range(0, random.Next(0, 60)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            try
            {
                var claims = ClaimsChallenge.FromWwwAuthenticate(header);
                if (claims is not null && JsonDocument.Parse(claims).RootElement.ValueKind != JsonValueKind.Object)
                {
                    unexpected.Add($"{header} -> {claims}");
                }
            }
            catch (AuthClientException ex) when (ex.Code == AuthErrorCodes.InvalidClaimsChallenge)
            {
            }
            catch (Exception ex)
            {
                unexpected.Add($"{header} -> {ex.GetType().Name}: {ex.Message}");
            }
        }

        unexpected.Should().BeEmpty();
    }

    [Test]
    public void FromWwwAuthenticate_RandomClaimsInRandomChallenges_RoundTrip([Values(11, 12, 13)] int seed)
    {
        var random = new Random(seed);

        for (var i = 0; i < Iterations; i++)
        {
            var json = RandomClaims(random);
            var encoded = ClaimsChallengeTests.Base64(json, url: random.Next(2) == 0, padded: random.Next(2) == 0);
            var header = RandomHeader(random, encoded);

            var claims = ClaimsChallenge.FromWwwAuthenticate(header);

            claims.Should().Be(json, "header: {0}", header);
        }
    }

    private static string RandomClaims(Random random)
    {
        var values = Enumerable.Range(0, random.Next(1, 4))
            .Select(n => $"\"c{n}\":{{\"essential\":true,\"value\":{JsonSerializer.Serialize(RandomText(random))}}}");
        return $"{{\"access_token\":{{{string.Join(',', values)}}}}}";
    }

    private static string RandomHeader(Random random, string encodedClaims)
    {
        var before = Enumerable.Range(0, random.Next(0, 3)).Select(_ => $"{Pick(random, "Basic", "PoP", "Negotiate")} {Parameter(random)}");
        var own = new List<string> { "error=\"insufficient_claims\"", random.Next(2) == 0 ? $"claims=\"{encodedClaims}\"" : $"claims={encodedClaims}" };
        own.InsertRange(random.Next(own.Count + 1), Enumerable.Range(0, random.Next(0, 3)).Select(_ => Parameter(random)));
        var after = Enumerable.Range(0, random.Next(0, 2)).Select(_ => $"Basic {Parameter(random)}");
        var separator = Pick(random, ", ", ",", " ,  ");
        return string.Join(separator, [.. before, $"{Pick(random, "Bearer", "bearer", "PoP")} {string.Join(separator, own)}", .. after]);
    }

    private static string Parameter(Random random) =>
        $"{Pick(random, "realm", "authorization_uri", "error_description", "nonce")}=\"{RandomText(random).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";

    private static string RandomText(Random random)
    {
        const string chars = "abc XYZ,=\"\\;:é€{}";
        var text = new StringBuilder();
        for (var i = random.Next(0, 12); i > 0; i--)
        {
            text.Append(chars[random.Next(chars.Length)]);
        }

        return text.ToString();
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];
}
