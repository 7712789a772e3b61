namespace Auth.Common.Platform;

/// <summary>The HTML the loopback listener shows in the browser after the redirect.</summary>
/// <param name="SuccessHtml">Shown after a successful sign-in.</param>
/// <param name="ErrorHtml">Shown after a failed one; <c>{error}</c> and <c>{error_description}</c> are replaced, HTML-encoded.</param>
public sealed record LoopbackPages(string SuccessHtml, string ErrorHtml)
{
    /// <summary>Gets plain, accessible default pages.</summary>
    public static LoopbackPages Default { get; } = new(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed in</title></head><body><h1>You are signed in</h1><p>You can close this window and return to the application.</p></body></html>",
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in failed</title></head><body><h1>Sign-in failed</h1><p>{error}: {error_description}</p><p>You can close this window and return to the application.</p></body></html>");
}
