using Auth.Testing;

namespace Auth.IntegrationTests.Testing;

/// <summary><see cref="FakeAuthorityOptions.AuthorizationResponseIssuer"/>: the fake plays an RFC 9207 authority.</summary>
[TestFixture]
public sealed class FakeAuthorityResponseIssuerTests : UserFlowFixture
{
    protected override FakeAuthorityOptions Options => base.Options with { AuthorizationResponseIssuer = true };

    [Test]
    public async Task Discovery_AdvertisesTheIssParameter()
    {
        var json = await TokenClient.JsonAsync(await Http.GetAsync($"{Authority.Issuer}/.well-known/openid-configuration"));

        json.GetProperty("authorization_response_iss_parameter_supported").GetBoolean().Should().BeTrue();
    }

    [Test]
    public async Task Authorize_CodeAndError_BothCarryTheIssuer()
    {
        using var success = await UserFlows.GetAuthorizeAsync(Http, Authority, UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge));
        Authority.FailNextAuthorize("access_denied", "The user cancelled.");
        using var failure = await UserFlows.GetAuthorizeAsync(Http, Authority, UserFlows.Authorize(ClientId, UserFlows.Pkce().Challenge));

        UserFlows.RedirectQuery(success)["iss"].Should().Be(Authority.Issuer);
        UserFlows.RedirectQuery(failure)["iss"].Should().Be(Authority.Issuer);
        UserFlows.RedirectQuery(failure)["error"].Should().Be("access_denied");
    }
}
