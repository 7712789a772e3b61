#!/usr/bin/env bash
# The coverage step of build/test.sh --coverage (which sets the thresholds): merges the coverlet
# files of every test project (<results>/*/coverage.cobertura.xml) into one report in
# artifacts/coverage (Cobertura.xml, index.html, Summary.txt, packages.txt) with ReportGenerator, the
# local tool of .config/dotnet-tools.json, prints line and branch coverage per package and the total,
# and fails when a test project left no coverage file or the total is under a threshold.
# Usage: build/coverage-report.sh <results dir> <test projects run> <min line %> <min branch %>
set -uo pipefail
cd "$(dirname "$0")/.."
results=$1 projects=$2 min_line=$3 min_branch=$4
out="$(pwd)/artifacts/coverage"
packages=(Auth.Common Auth.Server Auth.Extensions Auth.Testing)
rm -rf "$out"

files=("$results"/*/coverage.cobertura.xml)
[ -f "${files[0]}" ] || files=()
if [ "${#files[@]}" -ne "$projects" ]; then
  echo "coverage: ${#files[@]} coverage files for $projects test projects"
  exit 1
fi
dotnet tool restore >/dev/null || { echo "coverage: dotnet tool restore failed"; exit 1; }
dotnet reportgenerator "-reports:$results/*/coverage.cobertura.xml" "-targetdir:$out" \
  "-reporttypes:Cobertura;Html;TextSummary" -verbosity:Warning || { echo "coverage: reportgenerator failed"; exit 1; }

# Rates from the merged Cobertura.xml: <package name="X" line-rate="0.9" branch-rate="0.8" ...>,
# the total from the root element's counts.
report="$out/Cobertura.xml"
attr() { sed -n "s/.* $1=\"\([0-9.]*\)\".*/\1/p" <<<"$2"; }
percent() { awk -v r="$1" 'BEGIN { printf "%.1f", r * 100 }'; }
root_element=$(grep -o '<coverage [^>]*>' "$report" | head -1)
total_line=$(awk -v c="$(attr lines-covered "$root_element")" -v v="$(attr lines-valid "$root_element")" 'BEGIN { printf "%.1f", v ? c * 100 / v : 0 }')
total_branch=$(awk -v c="$(attr branches-covered "$root_element")" -v v="$(attr branches-valid "$root_element")" 'BEGIN { printf "%.1f", v ? c * 100 / v : 0 }')

ok=true
{
  printf '  %-18s %7s %7s\n' package line branch
  for name in "${packages[@]}"; do
    element=$(grep -o "<package name=\"$name\" [^>]*>" "$report" | head -1)
    if [ -z "$element" ]; then
      printf '  %-18s %7s %7s\n' "$name" - -
      continue
    fi
    printf '  %-18s %6s%% %6s%%\n' "$name" "$(percent "$(attr line-rate "$element")")" "$(percent "$(attr branch-rate "$element")")"
  done
  printf '  %-18s %6s%% %6s%%   thresholds: line %s%%, branch %s%% (build/test.sh)\n' total "$total_line" "$total_branch" "$min_line" "$min_branch"
} | tee "$out/packages.txt"
echo "  report: artifacts/coverage/index.html"

for name in "${packages[@]}"; do
  grep -q "<package name=\"$name\" " "$report" || { echo "coverage: no coverage of $name"; ok=false; }
done
below() { awk -v a="$1" -v m="$2" 'BEGIN { exit !(a + 0 < m + 0) }'; }
if below "$total_line" "$min_line"; then echo "coverage: line $total_line% is below the threshold $min_line%"; ok=false; fi
if below "$total_branch" "$min_branch"; then echo "coverage: branch $total_branch% is below the threshold $min_branch%"; ok=false; fi
[ "$ok" = true ]
