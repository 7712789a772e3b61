using System.Diagnostics;

namespace Auth.IntegrationTests.Samples;

/// <summary>Sets a child process's variables: a value sets it, null removes it. Also compiled into Auth.BrowserTests.</summary>
internal static class ProcessEnvironment
{
    public static void Apply(ProcessStartInfo start, IReadOnlyDictionary<string, string?> variables)
    {
        foreach (var (name, value) in variables)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
    }
}
