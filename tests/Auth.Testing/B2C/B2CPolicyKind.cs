namespace Auth.Testing.B2C;

/// <summary>The user flows a <see cref="FakeB2CTenant"/> plays, one per policy.</summary>
internal enum B2CPolicyKind
{
    /// <summary>Sign up or sign in, with "Forgot your password?" (AADB2C90118) and a sign-up page.</summary>
    SignUpSignIn,

    /// <summary>Edit profile: the signed-in user changes their display name, or cancels (AADB2C90091).</summary>
    EditProfile,

    /// <summary>Password reset: the user names their account and sets a new password, or cancels (AADB2C90091).</summary>
    PasswordReset,
}
