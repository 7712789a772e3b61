using System.Collections;
using System.Reflection;
using Auth.Common.Authority;
using Auth.DocsTests.Snippets;

namespace Auth.DocsTests.Completeness;

/// <summary>docs/authorities.md's national clouds table names every host of every cloud the library knows without a network call.</summary>
[TestFixture]
public sealed class KnownCloudsPageTests
{
    public static IEnumerable<string> Hosts()
    {
        // KnownClouds is internal: read its list the way the library builds it.
        var clouds = typeof(ProtocolMode).Assembly.GetType("Auth.Common.Authority.KnownClouds", throwOnError: true)!
            .GetField("All", BindingFlags.Public | BindingFlags.Static)!.GetValue(null) as IEnumerable;
        foreach (var cloud in clouds!)
        {
            foreach (var alias in (IEnumerable<string>)cloud.GetType().GetProperty("Aliases")!.GetValue(cloud)!)
            {
                yield return alias;
            }
        }
    }

    [Test]
    public void KnownClouds_HasHosts() => Hosts().Should().Contain("login.microsoftonline.us");

    [TestCaseSource(nameof(Hosts))]
    public void AuthoritiesPage_NamesTheHost(string host)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "authorities.md"));

        page.Should().Contain($"`{host}`", "the national clouds table lists every host the library knows");
    }
}
