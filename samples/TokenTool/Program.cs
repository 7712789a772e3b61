// auth-token: a desktop token tool. `auth-token login` signs in once (system browser, or --device-code), the
// tokens stay in an encrypted file whose key sits in the OS key store, and `auth-token token --scope …` prints an
// access token for scripts: curl -H "Authorization: Bearer $(auth-token token --scope …)". With no configuration it
// talks to `auth-token fake-authority`, run in another terminal. See README.md beside this file.
using TokenTool.Cli;

return await ToolCommandLine.Create().Parse(args).InvokeAsync();
