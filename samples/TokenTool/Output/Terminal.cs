using Spectre.Console;

namespace TokenTool.Output;

/// <summary>
/// The human side of the tool, on stderr: spinners, the device code, errors. stdout carries only results
/// (the token, the account list), so <c>$(auth-token token …)</c> captures nothing else.
/// </summary>
internal static class Terminal
{
    /// <summary>Gets the console on stderr (plain text, no animation, when stderr is not a terminal).</summary>
    public static IAnsiConsole Stderr { get; } = Create(Console.Error, Console.IsErrorRedirected);

    /// <summary>Gets the console on stdout, for tables.</summary>
    public static IAnsiConsole Stdout { get; } = Create(Console.Out, Console.IsOutputRedirected);

    /// <summary>Runs <paramref name="work"/> under a spinner on stderr.</summary>
    public static Task<T> SpinAsync<T>(string status, Func<StatusContext, Task<T>> work) =>
        Stderr.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(status), work);

    public static void Info(string text) => Stderr.MarkupLine($"[grey]{Markup.Escape(text)}[/]");

    /// <summary>Prints a line that must stay whole (a URL to copy), unwrapped.</summary>
    public static void Raw(string text) => Console.Error.WriteLine(text);

    /// <summary>Prints an error as <c>error {code}: {message}</c>.</summary>
    public static void Error(string code, string message) =>
        Stderr.MarkupLine($"[red]error[/] [bold]{Markup.Escape(code)}[/]: {Markup.Escape(message)}");

    /// <summary>A console on <paramref name="writer"/>; redirected output is not wrapped at 80 columns (a log or a test reads it whole).</summary>
    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = 4096;
        }

        return console;
    }
}
