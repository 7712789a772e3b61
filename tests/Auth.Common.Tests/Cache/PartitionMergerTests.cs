using System.Text.Json.Nodes;
using Auth.Common.Cache;

namespace Auth.Common.Tests.Cache;

[TestFixture]
public sealed class PartitionMergerTests
{
    private const string File = """
        {
          "Account": {
            "alice-env-t": { "home_account_id": "alice", "environment": "env", "realm": "t" },
            "bob-env-t": { "home_account_id": "bob", "environment": "env", "realm": "t" }
          },
          "AccessToken": {
            "alice-at-old": { "home_account_id": "alice", "client_id": "c", "realm": "t", "secret": "a1" },
            "bob-at": { "home_account_id": "bob", "client_id": "c", "realm": "t", "secret": "b1" },
            "app-at": { "home_account_id": "", "client_id": "c", "realm": "t", "secret": "x1" },
            "obo-at": { "home_account_id": "alice", "client_id": "c", "realm": "t", "user_assertion_hash": "h1", "secret": "o1" }
          },
          "RefreshToken": { "alice-rt": { "home_account_id": "alice", "client_id": "c", "secret": "r1" } },
          "AppMetadata": { "appmetadata-env-c": { "client_id": "c", "environment": "env" } },
          "FutureSection": { "kept": true }
        }
        """;

    [Test]
    public void Merge_UserPartition_ReplacesOnlyThatUsersEntries()
    {
        const string partition = """
            { "Account": { "alice-env-t": { "home_account_id": "alice", "environment": "env", "realm": "t" } },
              "AccessToken": { "alice-at-new": { "home_account_id": "alice", "client_id": "c", "realm": "t", "secret": "a2" } },
              "RefreshToken": {}, "IdToken": {}, "AppMetadata": {} }
            """;

        var merged = JsonNode.Parse(PartitionMerger.Merge(File, partition, "alice"))!;

        Keys(merged, "AccessToken").Should().BeEquivalentTo("alice-at-new", "bob-at", "app-at", "obo-at");
        Keys(merged, "RefreshToken").Should().BeEmpty("alice's refresh token is gone from her partition");
        Keys(merged, "Account").Should().BeEquivalentTo("alice-env-t", "bob-env-t");
        merged["FutureSection"]!["kept"]!.GetValue<bool>().Should().BeTrue();
        Keys(merged, "AppMetadata").Should().Contain("appmetadata-env-c");
    }

    [Test]
    public void Merge_AppPartition_ReplacesAppTokensOfThatClientAndTenant()
    {
        const string partition = """{ "AccessToken": { "app-at-2": { "home_account_id": "", "client_id": "c", "realm": "t", "secret": "x2" } } }""";

        var merged = JsonNode.Parse(PartitionMerger.Merge(File, partition, "c_t_AppTokenCache"))!;

        Keys(merged, "AccessToken").Should().BeEquivalentTo("alice-at-old", "bob-at", "app-at-2", "obo-at");
    }

    [Test]
    public void Merge_OboPartition_ReplacesEntriesOfThatAssertionOnly()
    {
        const string partition = """{ "AccessToken": {} }""";

        var merged = JsonNode.Parse(PartitionMerger.Merge(File, partition, "h1"))!;

        Keys(merged, "AccessToken").Should().BeEquivalentTo("alice-at-old", "bob-at", "app-at");
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[1, 2]")]
    public void Merge_NoUsableFile_WritesThePartition(string? file)
    {
        const string partition = """{ "AccessToken": { "k": { "home_account_id": "u", "secret": "s" } } }""";

        var merged = JsonNode.Parse(PartitionMerger.Merge(file, partition, "u"))!;

        Keys(merged, "AccessToken").Should().Equal("k");
    }

    [TestCase("Account", """{ "home_account_id": "u" }""", "u")]
    [TestCase("IdToken", """{ "client_id": "c" }""", "")]
    [TestCase("RefreshToken", """{ "home_account_id": "u", "user_assertion_hash": "h" }""", "h")]
    [TestCase("AccessToken", """{ "client_id": "c", "realm": "t" }""", "c_t_AppTokenCache")]
    [TestCase("AppMetadata", """{ "client_id": "c" }""", null)]
    public void PartitionOf_Entry_FollowsAuthCommonRules(string section, string entry, string? expected)
    {
        var partition = PartitionMerger.PartitionOf(section, JsonNode.Parse(entry));

        partition.Should().Be(expected);
    }

    private static IEnumerable<string> Keys(JsonNode root, string section) =>
        root[section]?.AsObject().Select(e => e.Key) ?? [];
}
