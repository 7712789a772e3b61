using Auth.Common.Authority;
using Auth.FuzzTests.Generators;
using Auth.FuzzTests.Harness;
using CsCheck;

namespace Auth.FuzzTests.Targets;

/// <summary>
/// The authority URL parser (<see cref="AuthorityInfo.Parse"/>, through <see cref="AuthorityUrl"/>):
/// any text becomes an authority or is refused with <c>invalid_authority</c> / <c>insecure_authority</c>.
/// </summary>
[TestFixture]
public sealed class AuthorityUrlFuzzTests
{
    private static readonly Mutator Url = new("/", "//", "?", "#", "@", ":", ":0", ":65536", "%2F", "%", "..", "tfp/", "adfs", ".b2clogin.com", ".ciamlogin.com", "[::1]", "xn--", "https://", "http://");

    private static readonly Gen<string> Piece = Gen.Frequency(
        (3, Gen.Char["a-z0-9.-"].Array[0, 12].Select(c => new string(c))),
        (1, Gen.String),
        (1, Gen.OneOf(Gen.Const("tfp"), Gen.Const("adfs"), Gen.Const("common"), Gen.Const("contoso.onmicrosoft.com"), Gen.Const("B2C_1_x"), Gen.Const(".."), Gen.Const("%2e"), Gen.Const(string.Empty))));

    [Test]
    public async Task Parse_AnyText_ParsesOrRefusesWithAuthException()
    {
        var scheme = Gen.OneOf(Gen.Const("https://"), Gen.Const("http://"), Gen.Const("HTTPS://"), Gen.Const("file://"), Gen.Const(string.Empty), Gen.Const("https:/"));
        var host = Gen.Frequency(
            (3, Gen.OneOf(Gen.Const("login.microsoftonline.com"), Gen.Const("contoso.b2clogin.com"), Gen.Const("contoso.ciamlogin.com"), Gen.Const(".ciamlogin.com"), Gen.Const("127.0.0.1"), Gen.Const("localhost"), Gen.Const("[::1]"), Gen.Const("adfs.contoso.com"))),
            (1, Piece));
        var port = Gen.OneOf(Gen.Const(string.Empty), Gen.Int[0, 70000].Select(p => ":" + p));
        var structured = Gen.Select(scheme, host, port, Piece.Array[0, 5], (s, h, p, path) => s + h + p + "/" + string.Join('/', path));
        var inputs = Gen.Frequency((3, structured), (3, Url.Mutate(Seeds.Authorities)), (1, Gen.String));
        var modes = Gen.Select(inputs, Gen.Bool, Gen.Bool);

        await new FuzzRunner<(string Url, bool Oidc, bool AllowLoopback)>(
            "authority-url",
            modes,
            input => input.Url.Length,
            input => AuthorityInfo.Parse(input.Url, input.Oidc ? ProtocolMode.Oidc : ProtocolMode.AzureAD, input.AllowLoopback),
            input => $"{FuzzPrint.Text(input.Url)} oidc={input.Oidc} allowInsecureLoopback={input.AllowLoopback}").RunAsync();
    }
}
