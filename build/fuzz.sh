#!/usr/bin/env bash
# Runs every fuzz target (tests/Auth.FuzzTests/Targets) for N seconds each; default 60.
# Prints one line per target ("fuzz <target>: <inputs> inputs in <s> s (<rate>/s), contract held")
# and, for a target that broke the contract, the CsCheck seed and the shrunk input.
# Replay a failure: AUTH_FUZZ_SEED=<seed> build/fuzz.sh <seconds>. build/test.sh runs the same
# targets for a few seconds each. Full log: artifacts/fuzz.log.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
mkdir -p artifacts
dotnet build tests/Auth.FuzzTests -c Release -nologo -v quiet || { echo "build failed"; exit 1; }
AUTH_FUZZ_SECONDS=$seconds dotnet test tests/Auth.FuzzTests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~Auth.FuzzTests.Targets" --logger "console;verbosity=normal" >artifacts/fuzz.log 2>&1
status=$?
# Target lines, then each failure's message up to its stack trace.
awk '/^fuzz /{print; next} /^  Failed /{show=1} /^  Stack Trace:/{show=0} show' artifacts/fuzz.log
if [ "$status" -eq 0 ]; then echo "fuzz: every target held its contract for ${seconds} s"; else echo "fuzz: a target broke its contract (see above and artifacts/fuzz.log)"; fi
exit "$status"
