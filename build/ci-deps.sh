#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK (Debian apt-get; idempotent).
# `--check` exits 0 when everything is already present. Nothing is needed yet: the
# foundation's tests use only the SDK and NuGet packages. Later suites add redis-server,
# chromium, gnome-keyring here.
set -euo pipefail
needed=()
if [ "${1:-}" = "--check" ]; then
  [ ${#needed[@]} -eq 0 ]
  exit
fi
if [ ${#needed[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}"
fi
