#!/usr/bin/env bash
# Benchmarks ours vs MSAL.NET (tests/Auth.Benchmarks) and writes tests/Auth.Benchmarks/RESULTS.md.
#   build/bench.sh                 short job (warmup 2, 5 iterations, 1 launch, in-process)
#   build/bench.sh --full          BenchmarkDotNet's default job (in-process)
#   build/bench.sh --filter '*Silent*'   any other arguments go to BenchmarkDotNet
#   build/bench.sh --loop          single-tenant rows in a plain Stopwatch loop (100,000 warm-up + 100,000 measured
#                                  calls per case and library); prints a table, leaves RESULTS.md alone.
#                                  Options after it: --calls N, --only ours|msal, --case entra|oidc, --size 1x10|1x100000
#   Rows 8 and 9 (distributed cache) start their own redis-server on 127.0.0.1 (build/ci-deps.sh installs it);
#   `dotnet run -c Release --project tests/Auth.Benchmarks -- --redis-commands` prints their Redis commands per call.
#   build/bench.sh --stages        stages of our single-tenant hit path (docs/hit-path-profile.md); leaves RESULTS.md alone
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/tests/Auth.Benchmarks"
artifacts="$project/BenchmarkDotNet.Artifacts"
mode=short
for arg in "$@"; do
  if [[ "$arg" == "--full" ]]; then mode=full; fi
done

dotnet build "$project/Auth.Benchmarks.csproj" -c Release --nologo -v quiet

if [[ "${1:-}" == "--loop" ]]; then
  cd "$project"
  exec dotnet run -c Release --no-build --project "$project/Auth.Benchmarks.csproj" -- "$@"
fi

if [[ " $* " == *" --stages "* ]]; then
  cd "$project"
  exec dotnet run -c Release --no-build --project "$project/Auth.Benchmarks.csproj" -- --artifacts "$artifacts/stages" "$@"
fi

rm -rf "$artifacts/results"

cd "$project"
dotnet run -c Release --no-build --project "$project/Auth.Benchmarks.csproj" -- --artifacts "$artifacts" "$@"

export BENCH_MODE="$mode"
export BENCH_NPROC="$(nproc)"
export BENCH_CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
export BENCH_SDK="$(dotnet --version)"
export BENCH_DATE="$(date -u)"
dotnet run -c Release --no-build --project "$project/Auth.Benchmarks.csproj" -- --report "$artifacts" "$project/RESULTS.md"
echo "bench: wrote $project/RESULTS.md"
