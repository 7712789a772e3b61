// Worker process of tests/Auth.Extensions.Tests/Persistence. Modes:
//   write <cacheFile> <workerId> <count>   acquires <count> distinct app tokens through the
//                                          encrypted persisted cache (key: AUTH_TEST_KEY, base64)
//   hold <lockFile>                        holds the lock file as the library does, until killed
//   verify-libsecret                       prints the verification of a libsecret-backed cache
using Auth.Extensions.StressWorker;

return args switch
{
    ["write", var cacheFile, var workerId, var count] => await TokenWriter.RunAsync(cacheFile, workerId, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture)),
    ["hold", var lockFile] => await LockHolder.RunAsync(lockFile),
    ["verify-libsecret", var cacheFile] => await LibSecretVerifier.RunAsync(cacheFile),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: write <cacheFile> <workerId> <count> | hold <lockFile> | verify-libsecret <cacheFile>");
    return 2;
}
