// The authority of build/package-test.sh, built against the packed Auth.Testing alone: a FakeAuthority
// on plain-HTTP loopback. Prints "authority: <url>", serves until standard input closes, then prints
// how many client-credentials requests reached it.
using Auth.Testing;

await using var fake = FakeAuthority.Start(new FakeAuthorityOptions { UseHttps = false });
fake.RegisterClient("package-test", "package-test-secret");
Console.WriteLine($"authority: {fake.Authority}");
await Console.In.ReadToEndAsync();
Console.WriteLine($"token requests: {fake.RequestCount("client_credentials")}");
