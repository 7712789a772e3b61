#!/usr/bin/env bash
# Copies every snippet region of docs/snippets/*.cs into the Markdown pages that show it
# (docs/*.md, README.md, the package READMEs). Run it after editing a snippet; build/test.sh
# fails while a page and its snippet differ (tests/Auth.DocsTests, SnippetSyncTests).
set -euo pipefail
cd "$(dirname "$0")/.."
AUTH_UPDATE_SNIPPETS=1 dotnet test tests/Auth.DocsTests -nologo -v quiet --filter "FullyQualifiedName~SnippetSyncTests" "$@"
