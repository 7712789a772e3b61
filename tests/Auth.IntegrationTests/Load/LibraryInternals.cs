using System.Collections;
using System.Reflection;
using Auth.Server;

namespace Auth.IntegrationTests.Load;

/// <summary>
/// Reads the sizes of an application's internal per-key structures by reflection (the integration tests see only
/// the public surface). A renamed member throws, so a refactoring cannot turn these checks into silent passes.
/// </summary>
internal sealed record LibraryInternals(int ClientCredentialFlights, int ThrottledRequests, int MetadataEntries, int MetadataFlights, int CachePartitions)
{
    public static LibraryInternals Of(ConfidentialClientApplication app)
    {
        var client = Member(app, "Client");
        var runtime = Member(client, "_runtime");
        var metadata = Member(runtime, "Metadata");
        return new LibraryInternals(
            (int)Member(Member(client, "_clientCredentials"), "_flight", "Count"),
            (int)Member(Member(runtime, "Sender"), "_throttling", "Count"),
            ((ICollection)Member(metadata, "_cache")).Count,
            (int)Member(metadata, "_flight", "Count"),
            ((IEnumerable)Member(Member(runtime, "Cache"), "Store", "Partitions")).Cast<object>().Count());
    }

    private static object Member(object target, params string[] path)
    {
        foreach (var name in path)
        {
            target = Read(target, name) ?? throw new InvalidOperationException($"{target.GetType().Name}.{name} is null.");
        }

        return target;
    }

    private static object? Read(object target, string name)
    {
        const BindingFlags Flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        for (var type = target.GetType(); type is not null; type = type.BaseType)
        {
            if (type.GetField(name, Flags) is { } field)
            {
                return field.GetValue(target);
            }

            if (type.GetProperty(name, Flags) is { } property)
            {
                return property.GetValue(target);
            }
        }

        throw new MissingMemberException(target.GetType().FullName, name);
    }
}
