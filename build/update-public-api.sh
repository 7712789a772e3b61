#!/usr/bin/env bash
# Adds every public symbol the PublicApiAnalyzers report as undeclared (RS0016) to the
# project's PublicAPI.Unshipped.txt, and drops declared symbols that no longer exist (RS0017).
# Usage: build/update-public-api.sh lib/Auth.Common [lib/Auth.Server ...]
set -euo pipefail
cd "$(dirname "$0")/.."
for project in "$@"; do
  file="$project/PublicAPI.Unshipped.txt"
  log=$(dotnet build "$project" -c Release --no-incremental 2>&1 || true)
  added=$(grep -oP "error RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$log" | sort -u || true)
  removed=$(grep -oP "error RS0017: Symbol '\K.*(?=' is part of the declared API, but)" <<<"$log" | sort -u || true)
  { cat "$file"; if [ -n "$added" ]; then echo "$added"; fi; } | grep -vxF -f <(printf '%s\n' "$removed" | sed '/^$/d'; echo '__none__') \
    | awk 'NR==1 || !seen[$0]++' > "$file.tmp"
  { head -1 "$file.tmp"; tail -n +2 "$file.tmp" | sort -u; } > "$file"
  rm "$file.tmp"
  echo "$project: $(grep -c . <<<"$added" || true) added, $(grep -c . <<<"$removed" || true) removed"
done
