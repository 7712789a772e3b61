using System.Text;
using Auth.Testing.Authorization;
using Auth.Testing.Http;

namespace Auth.Testing.B2C;

/// <summary>
/// The pages of a B2C tenant's user flows, in the samples' stylesheet (<see cref="PageShell"/>): labelled fields, the
/// buttons a user presses, an alert for what went wrong. Everything echoed is HTML-encoded.
/// </summary>
internal static class B2CPages
{
    public const string SignInTitle = "Sign up or sign in";
    public const string SignUpTitle = "Create your account";
    public const string EditProfileTitle = "Edit your profile";
    public const string ResetTitle = "Reset your password";

    /// <param name="page">The request.</param>
    /// <param name="links">Whether to offer "Forgot your password?" and "Sign up now" (the sign-up or sign-in policy).</param>
    /// <param name="email">The email to pre-fill.</param>
    /// <param name="error">What went wrong, or <see langword="null"/>.</param>
    public static HttpReply SignIn(B2CPage page, bool links, string? email, string? error)
    {
        var html = Start(page, "Sign in with your email address", error)
            .Append(Field("email", "Email Address", "email", "username", email))
            .Append(Field("password", "Password", "password", "current-password", null));
        if (links)
        {
            html.Append("<p><a id=\"forgotPassword\" href=\"").Append(page.Link("forgot")).Append("\">Forgot your password?</a></p>");
        }

        html.Append(Buttons(("signin", "Sign in", false)));
        if (links)
        {
            html.Append("<p class=\"note\">Don't have an account? <a id=\"createAccount\" href=\"").Append(page.Link("signup")).Append("\">Sign up now</a></p>");
        }

        return Reply(page, SignInTitle, html);
    }

    public static HttpReply SignUp(B2CPage page, string? email, string? name, string? error) =>
        Reply(page, SignUpTitle, Start(page, "Sign up with your email address", error)
            .Append(Field("email", "Email Address", "email", "username", email))
            .Append(Field("displayName", "Display Name", "text", "name", name))
            .Append(Field("newPassword", "New Password", "password", "new-password", null))
            .Append(Buttons(("signup", "Create", false), ("cancel", "Cancel", true))));

    public static HttpReply EditProfile(B2CPage page, FakeUser user, string? error) =>
        Reply(page, EditProfileTitle, Start(page, $"Signed in as {user.Username}", error)
            .Append(Field("displayName", "Display Name", "text", "name", string.IsNullOrEmpty(user.Name) ? user.Username : user.Name))
            .Append(Buttons(("save", "Continue", false), ("cancel", "Cancel", true))));

    public static HttpReply ResetPassword(B2CPage page, string? email, string? error) =>
        Reply(page, ResetTitle, Start(page, "Enter your email address and a new password", error)
            .Append(Field("email", "Email Address", "email", "username", email))
            .Append(Field("newPassword", "New Password", "password", "new-password", null))
            .Append(Buttons(("reset", "Continue", false), ("cancel", "Cancel", true))));

    private static StringBuilder Start(B2CPage page, string intro, string? error)
    {
        var html = new StringBuilder("<p class=\"note\">").Append(PageShell.Encode(intro)).Append("</p>");
        if (error is not null)
        {
            html.Append("<p id=\"error\" class=\"error\" role=\"alert\">").Append(PageShell.Encode(error)).Append("</p>");
        }

        return html.Append("<form class=\"sign-in\" method=\"post\" action=\"").Append(page.Action).Append("\">");
    }

    private static string Field(string id, string label, string type, string autocomplete, string? value) =>
        $"<label for=\"{id}\">{label}</label><input id=\"{id}\" name=\"{id}\" type=\"{type}\" autocomplete=\"{autocomplete}\" required value=\"{PageShell.Encode(value ?? string.Empty)}\">";

    private static string Buttons(params (string Action, string Text, bool Secondary)[] buttons) =>
        "<nav class=\"actions\">"
        + string.Concat(buttons.Select(b => $"<button type=\"submit\" name=\"action\" value=\"{b.Action}\"{(b.Secondary ? " class=\"button secondary\" formnovalidate" : string.Empty)}>{b.Text}</button>"))
        + "</nav>";

    private static HttpReply Reply(B2CPage page, string title, StringBuilder form)
    {
        var main = $"<h1>{PageShell.Encode(title)}</h1>{form}</form>";
        return HttpReply.Html(200, PageShell.Render(title, page.Tenant.Domain, main));
    }
}
