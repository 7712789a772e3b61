#!/usr/bin/env bash
# Packs the four library packages of build/packages.slnf (Release, deterministic, SourceLink,
# .nupkg + .snupkg) into artifacts/packages, replacing any earlier pack of them there.
# Usage: build/pack.sh [version] [--no-build]
#   version: default (or ""), the Version in Directory.Build.props suffixed -local
#   --no-build: pack the existing Release build (build/package-test.sh from build/test.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)
version=${1:-$base-local}
build=(-p:ContinuousIntegrationBuild=true)
[ "${2:-}" = "--no-build" ] && build=(--no-build)
out="$(pwd)/artifacts/packages"

mkdir -p "$out"
for id in Auth.Common Auth.Server Auth.Extensions Auth.Testing; do
  rm -f "$out/$id".[0-9]*.nupkg "$out/$id".[0-9]*.snupkg
done
dotnet pack build/packages.slnf -c Release -nologo -v quiet -p:PackageOutputPath="$out" -p:Version="$version" "${build[@]}"
ls "$out"
