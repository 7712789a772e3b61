namespace Auth.Testing;

/// <summary>Placeholder until FakeAuthority lands.</summary>
internal static class Placeholder
{
}
