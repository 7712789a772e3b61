namespace Auth.Common;

internal static class Placeholder
{
}
