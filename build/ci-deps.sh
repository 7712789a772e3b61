#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK (Debian apt-get; idempotent).
# `--check` exits 0 when everything is already present. Later suites add chromium,
# gnome-keyring here.
#   redis-server: tests/Auth.Extensions.Tests starts its own on 127.0.0.1 (distributed cache).
set -euo pipefail
needed=()
command -v redis-server >/dev/null 2>&1 || needed+=(redis-server)
if [ "${1:-}" = "--check" ]; then
  [ ${#needed[@]} -eq 0 ]
  exit
fi
if [ ${#needed[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
fi
