using Auth.Extensions.Persistence;

namespace Auth.Extensions.StressWorker;

/// <summary>Prints what <see cref="PersistenceBuilder.VerifyAsync"/> says about a libsecret-backed cache here.</summary>
internal static class LibSecretVerifier
{
    public static async Task<int> RunAsync(string cacheFile)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("not linux");
            return 1;
        }

        var store = new LibSecretKeyStore(new LibSecretKeyStoreOptions
        {
            SchemaName = "org.auth.tests.TokenCache",
            Attributes = new Dictionary<string, string> { ["cache"] = cacheFile },
        });
        var verification = await new PersistenceBuilder(cacheFile).WithKeyStore(store).VerifyAsync();
        Console.WriteLine($"usable={verification.IsUsable} code={verification.ErrorCode}");
        Console.WriteLine($"reason={verification.Reason}");
        return 0;
    }
}
