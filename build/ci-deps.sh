#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK (Debian apt-get; idempotent).
# `--check` exits 0 when everything is already present.
#   redis-server: tests/Auth.Extensions.Tests starts its own on 127.0.0.1 (distributed cache).
#   gnome-keyring, libsecret-1-0, dbus: the libsecret key store is tested against a real
#     gnome-keyring daemon in a dbus-run-session (build/test.sh).
#   chromium: tests/Auth.BrowserTests drives /usr/bin/chromium through Playwright
#     (ExecutablePath; Playwright never downloads a browser).
#   nodejs, npm: tests/Auth.IntegrationTests/Interop/MsalNode runs the real msal-node (Node.js 20+),
#     which the tests install with `npm ci` next to their binaries.
set -euo pipefail
needed=()
command -v redis-server >/dev/null 2>&1 || needed+=(redis-server)
command -v gnome-keyring-daemon >/dev/null 2>&1 || needed+=(gnome-keyring)
command -v dbus-run-session >/dev/null 2>&1 || needed+=(dbus)
[ -x /usr/bin/chromium ] || needed+=(chromium)
command -v node >/dev/null 2>&1 || needed+=(nodejs)
command -v npm >/dev/null 2>&1 || needed+=(npm)
[ -n "$(/sbin/ldconfig -p 2>/dev/null | grep 'libsecret-1\.so\.0' || true)" ] || needed+=(libsecret-1-0)
if [ "${1:-}" = "--check" ]; then
  [ ${#needed[@]} -eq 0 ]
  exit
fi
if [ ${#needed[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
fi
