#!/usr/bin/env bash
# Run the pinned Bicep CLI with the given arguments. Needs only the .NET SDK.
#
#   infra/bicep.sh build infra/main.bicep --stdout
#   infra/bicep.sh snapshot some.bicepparam --subscription-id ... --location uksouth --mode overwrite
#
# Restores Azure.Bicep.CommandLine.<rid> from NuGet via a throw-away project in <repo>/.tools/bicep (git-ignored;
# restore only, nothing is built), then runs its bicep executable. infra/check.sh and InfrastructureTests use it.
set -euo pipefail

BICEP_VERSION="0.49.2"
BICEP_RID="${BICEP_RID:-linux-x64}" # linux-x64 is what CI uses; override for other hosts.

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$INFRA_DIR/.." && pwd)"
TOOL_DIR="$REPO_DIR/.tools/bicep"
PACKAGE_ID="azure.bicep.commandline.${BICEP_RID}"

mkdir -p "$TOOL_DIR"

# Shield the tool project from the repo's Directory.Build.props / Directory.Packages.props
# (central package management, warnings-as-errors): MSBuild stops at the nearest file.
for f in Directory.Build.props Directory.Build.targets Directory.Packages.props; do
  printf '<Project />\n' > "$TOOL_DIR/$f"
done

cat > "$TOOL_DIR/biceptool.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Azure.Bicep.CommandLine.${BICEP_RID}" Version="${BICEP_VERSION}" />
  </ItemGroup>
</Project>
PROJECT

PACKAGES_DIR="${NUGET_PACKAGES:-}"
if [[ -z "$PACKAGES_DIR" ]]; then
  PACKAGES_DIR="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p' | head -n 1)"
fi
PACKAGES_DIR="${PACKAGES_DIR%/}"
BICEP="$PACKAGES_DIR/$PACKAGE_ID/$BICEP_VERSION/tools/bicep"
if [[ ! -f "$BICEP" ]]; then
  echo "==> dotnet restore (Bicep CLI ${BICEP_VERSION}, ${BICEP_RID})" >&2
  dotnet restore "$TOOL_DIR/biceptool.csproj" --nologo --verbosity quiet >&2
fi
if [[ ! -f "$BICEP" ]]; then
  echo "bicep executable not found at $BICEP" >&2
  exit 1
fi
[[ -x "$BICEP" ]] || chmod +x "$BICEP"

exec "$BICEP" "$@"
