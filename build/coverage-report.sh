#!/usr/bin/env bash
# The coverage step of build/test.sh --coverage, which sets the thresholds: checks that every test
# project left a coverlet file (<dir>/<project>.cobertura.xml) covering each of our packages in its
# output folder, merges them into one report in artifacts/coverage (Cobertura.xml, index.html,
# Summary.txt) with ReportGenerator, the local tool of .config/dotnet-tools.json, prints line and
# branch coverage per package and in total (also to artifacts/coverage/packages.txt), and fails when
# a check fails or the total is under a threshold.
# Usage: build/coverage-report.sh <coverage files dir> <min line %> <min branch %>
set -uo pipefail
cd "$(dirname "$0")/.."
dir=$1 min_line=$2 min_branch=$3
out="$(pwd)/artifacts/coverage"
packages=(Auth.Common Auth.Server Auth.Extensions Auth.Testing)
rm -rf "$out"
ok=true

# Coverlet skips a module it cannot instrument with only a line in its diagnostic log
# (dotnet test --diag): look for each package a test project ships in its output folder.
for project in tests/*/*.csproj; do
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  name=$(basename "$project" .csproj)
  file="$dir/$name.cobertura.xml"
  if [ ! -f "$file" ]; then
    echo "coverage: $name left no coverage file"
    ok=false
    continue
  fi
  for package in "${packages[@]}"; do
    if [ -f "$(dirname "$project")/bin/Release/net10.0/$package.dll" ] && ! grep -q "<package name=\"$package\"" "$file"; then
      echo "coverage: $name did not measure $package (coverlet could not instrument it: dotnet test --diag shows why)"
      ok=false
    fi
  done
done
[ "$ok" = true ] || exit 1

dotnet tool restore >/dev/null || { echo "coverage: dotnet tool restore failed"; exit 1; }
dotnet reportgenerator "-reports:$dir/*.cobertura.xml" "-targetdir:$out" \
  "-reporttypes:Cobertura;Html;TextSummary" -verbosity:Warning || { echo "coverage: reportgenerator failed"; exit 1; }

# Rates from the merged Cobertura.xml: <package name="X" line-rate="0.9" branch-rate="0.8" ...>;
# the total from the counts on its root element. Rounded down to 0.1, as Summary.txt and index.html do.
report="$out/Cobertura.xml"
attr() { sed -n "s/.* $1=\"\([0-9.]*\)\".*/\1/p" <<<"$2"; }
percent() { awk -v r="$1" 'BEGIN { printf "%.1f", int(r * 1000 + 1e-9) / 10 }'; }
ratio() { awk -v c="$1" -v v="$2" 'BEGIN { printf "%.1f", v ? int(c * 1000 / v + 1e-9) / 10 : 0 }'; }
root_element=$(grep -o '<coverage [^>]*>' "$report" | head -1)
total_line=$(ratio "$(attr lines-covered "$root_element")" "$(attr lines-valid "$root_element")")
total_branch=$(ratio "$(attr branches-covered "$root_element")" "$(attr branches-valid "$root_element")")
{
  printf '  %-18s %7s %7s\n' package line branch
  for package in "${packages[@]}"; do
    element=$(grep -o "<package name=\"$package\" [^>]*>" "$report" | head -1)
    printf '  %-18s %6s%% %6s%%\n' "$package" "$(percent "$(attr line-rate "$element")")" "$(percent "$(attr branch-rate "$element")")"
  done
  printf '  %-18s %6s%% %6s%%   thresholds: line %s%%, branch %s%% (top of build/test.sh)\n' \
    total "$total_line" "$total_branch" "$min_line" "$min_branch"
} | tee "$out/packages.txt"
echo "  report: artifacts/coverage/index.html"

below() { awk -v a="$1" -v m="$2" 'BEGIN { exit !(a + 0 < m + 0) }'; }
if below "$total_line" "$min_line"; then echo "coverage: line $total_line% is below the threshold $min_line%"; ok=false; fi
if below "$total_branch" "$min_branch"; then echo "coverage: branch $total_branch% is below the threshold $min_branch%"; ok=false; fi
[ "$ok" = true ]
