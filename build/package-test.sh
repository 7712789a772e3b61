#!/usr/bin/env bash
# Tests the packages as a user gets them: packs them (build/pack.sh), then builds two new console
# apps in a temp directory outside the repository against the packed packages from
# artifacts/packages (no project references) and runs them: build/package-test/Authority (Auth.Testing:
# a FakeAuthority) and build/package-test/Client (Auth.Server + Auth.Extensions: client credentials
# against it, the second call from the cache). Catches a missing dependency or file, a broken package.
# Usage: build/package-test.sh [--no-build]   (--no-build packs the existing Release build, as
# build/test.sh does right after building the solution). Last line "package test: passed" or
# "package test: failed: <why>"; exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
feed="$root/artifacts/packages"
fail() { echo "package test: failed: $*"; exit 1; }

build/pack.sh "" "$@" || fail "build/pack.sh"
version=$(basename "$feed"/Auth.Server.*.nupkg .nupkg)
version=${version#Auth.Server.}

# Dependencies (Microsoft.Extensions.*, WireMock.Net, ...) come from the machine's package folder
# when it has them, else from nuget.org; the Auth packages only from the local feed, restored into
# a fresh folder so that no earlier copy of the same version is used.
cache=${NUGET_PACKAGES:-$HOME/.nuget/packages}
for id in auth.common auth.server auth.extensions auth.testing; do
  [ -e "$cache/$id/$version" ] && fail "$cache/$id/$version would shadow the packed package; delete it"
done

work=$(mktemp -d)
authority_pid=""
cleanup() { [ -n "$authority_pid" ] && kill "$authority_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <fallbackPackageFolders>
    <clear />
    <add key="machine" value="$cache" />
  </fallbackPackageFolders>
  <packageSourceMapping>
    <packageSource key="local">
      <package pattern="Auth.Common" />
      <package pattern="Auth.Server" />
      <package pattern="Auth.Extensions" />
      <package pattern="Auth.Testing" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
</configuration>
XML
# As in the repository, WireMock.Net's dependencies resolve upward (NU1603). No audit: it would
# fetch vulnerability data on every run, and the repository's own build audits.
project() { # name, package references
  mkdir -p "$work/$1"
  cp "build/package-test/$1/Program.cs" "$work/$1/"
  cat >"$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
  <ItemGroup>
$2
  </ItemGroup>
</Project>
XML
}
project Authority "    <PackageReference Include=\"Auth.Testing\" Version=\"[$version]\" />"
project Client "    <PackageReference Include=\"Auth.Server\" Version=\"[$version]\" />
    <PackageReference Include=\"Auth.Extensions\" Version=\"[$version]\" />
    <PackageReference Include=\"Microsoft.Extensions.DependencyInjection\" Version=\"10.0.0\" />"
cat >"$work/PackageTest.slnx" <<XML
<Solution>
  <Project Path="Authority/Authority.csproj" />
  <Project Path="Client/Client.csproj" />
</Solution>
XML

cd "$work"
echo "package test: Auth $version from $feed, apps in $work"
dotnet build PackageTest.slnx -nologo -v quiet || fail "the apps did not build against the packages"

coproc authority { exec dotnet Authority/bin/Debug/net10.0/Authority.dll; }
authority_pid=$authority_PID
authority_out=${authority[0]}
authority_in=${authority[1]}
url=""
while IFS= read -r -t 60 line <&"$authority_out"; do
  echo "  authority | $line"
  case $line in "authority: "*) url=${line#authority: }; break ;; esac
done
[ -n "$url" ] || fail "the FakeAuthority from Auth.Testing did not start"

dotnet Client/bin/Debug/net10.0/Client.dll "$url" | sed 's/^/  client    | /'
client=${PIPESTATUS[0]}
exec {authority_in}>&-
requests=""
while IFS= read -r -t 30 line <&"$authority_out"; do
  echo "  authority | $line"
  case $line in "token requests: "*) requests=${line#token requests: } ;; esac
done
wait "$authority_pid"; authority_pid=""

[ "$client" -eq 0 ] || fail "the client's calls did not come first from the authority, then from the cache (exit $client)"
[ "$requests" = 2 ] || fail "expected 2 token requests at the authority, saw '${requests}'"
echo "package test: passed"
