using System.Text.Json.Nodes;
using Auth.Common.Errors;
using Auth.Common.Pipeline;

namespace Auth.Common.Tests.Protocol;

[TestFixture]
public sealed class ClaimsRequestTests
{
    [Test]
    public void Merge_NoCapabilities_PassesClaimsThrough()
    {
        ClaimsRequest.Merge("""{"id_token":{"auth_time":{"essential":true}}}""", []).Should().Be("""{"id_token":{"auth_time":{"essential":true}}}""");
        ClaimsRequest.Merge(null, []).Should().BeNull();
    }

    [Test]
    public void Merge_CapabilitiesOnly_IsXmsCc()
    {
        var merged = JsonNode.Parse(ClaimsRequest.Merge(null, ["cp1", "llt"])!)!;

        merged["access_token"]!["xms_cc"]!["values"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("cp1", "llt");
    }

    [Test]
    public void Merge_ChallengeAndCapabilities_KeepsBoth()
    {
        var challenge = """{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}""";

        var merged = JsonNode.Parse(ClaimsRequest.Merge(challenge, ["cp1"])!)!;

        merged["access_token"]!["nbf"]!["value"]!.GetValue<string>().Should().Be("1700000000");
        merged["access_token"]!["xms_cc"]!["values"]![0]!.GetValue<string>().Should().Be("cp1");
    }

    [TestCase("not json")]
    [TestCase("[1]")]
    public void Merge_ClaimsNotAnObject_IsInvalidRequest(string claims)
    {
        var act = () => ClaimsRequest.Merge(claims, ["cp1"]);

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidRequest);
    }
}
