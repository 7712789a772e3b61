using System.Text;
using Auth.Common.Errors;
using Auth.Common.ManagedIdentity;
using Auth.Server.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Auth.Server.Tests.DependencyInjection;

[TestFixture]
public sealed class AddManagedIdentityTests
{
    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [TestCase("SystemAssigned", ManagedIdentityIdKind.SystemAssigned, null)]
    [TestCase("ClientId:7d3a9c1e-0000-4000-8000-000000000001", ManagedIdentityIdKind.ClientId, "7d3a9c1e-0000-4000-8000-000000000001")]
    [TestCase("ResourceId:/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua", ManagedIdentityIdKind.ResourceId, "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ua")]
    [TestCase("ObjectId:0f0f", ManagedIdentityIdKind.ObjectId, "0f0f")]
    public void FromConfiguration_BindsTheIdentity_AsASingleton(string identity, ManagedIdentityIdKind kind, string? value)
    {
        var configuration = Json("{\"ManagedIdentity\":{\"Identity\":\"" + identity + "\",\"RetryDelay\":\"00:00:02\"}}");
        using var provider = new ServiceCollection().AddManagedIdentity(configuration.GetSection("ManagedIdentity")).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var app = provider.GetRequiredService<ManagedIdentityApplication>();

        app.Identity.Kind.Should().Be(kind);
        app.Identity.Value.Should().Be(value);
        provider.GetRequiredService<IOptions<ManagedIdentityOptions>>().Value.RetryDelay.Should().Be(TimeSpan.FromSeconds(2));
        app.Should().BeSameAs(provider.GetRequiredService<ManagedIdentityApplication>());
    }

    [Test]
    public void UnreadableIdentity_FailsAtStart_WithTheConfigurationCode()
    {
        using var provider = new ServiceCollection().AddManagedIdentity(Json("""{"ManagedIdentity":{"Identity":"Tenant:abc"}}""").GetSection("ManagedIdentity")).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<AuthClientException>().Which.Code.Should().Be(AuthErrorCodes.InvalidConfiguration);
    }

    [Test]
    public void NegativeRetryDelay_FailsAtStart()
    {
        using var provider = new ServiceCollection().AddManagedIdentity(o => o.RetryDelay = TimeSpan.FromSeconds(-1)).BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle(f => f.Contains("RetryDelay", StringComparison.Ordinal));
    }
}
