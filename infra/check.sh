#!/usr/bin/env bash
# Compile and lint the Bicep templates with a pinned Bicep CLI. Needs only the .NET SDK.
#
#   infra/check.sh            (from any directory)
#
# 1. Restores Azure.Bicep.CommandLine.<rid> from NuGet via a throw-away project in
#    <repo>/.tools/bicep (git-ignored). Restore only: nothing is built.
# 2. Runs `bicep build infra/main.bicep --stdout` and `bicep lint infra/main.bicep`.
# 3. Checks that every "setByBicep" name in infra/settings.json has a value in main.bicep.
# Exits non-zero on any error, any warning (linter rules are configured in infra/bicepconfig.json)
# or any settings mismatch.
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

cat > "$TOOL_DIR/biceptool.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Azure.Bicep.CommandLine.${BICEP_RID}" Version="${BICEP_VERSION}" />
  </ItemGroup>
</Project>
EOF

echo "==> dotnet restore (Bicep CLI ${BICEP_VERSION}, ${BICEP_RID})"
dotnet restore "$TOOL_DIR/biceptool.csproj" --nologo --verbosity quiet

PACKAGES_DIR="${NUGET_PACKAGES:-}"
if [[ -z "$PACKAGES_DIR" ]]; then
  PACKAGES_DIR="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p' | head -n 1)"
fi
PACKAGES_DIR="${PACKAGES_DIR%/}"
BICEP="$PACKAGES_DIR/$PACKAGE_ID/$BICEP_VERSION/tools/bicep"
if [[ ! -f "$BICEP" ]]; then
  echo "bicep executable not found at $BICEP" >&2
  exit 1
fi
[[ -x "$BICEP" ]] || chmod +x "$BICEP"

cd "$REPO_DIR"
status=0

echo "==> bicep build infra/main.bicep"
build_out="$("$BICEP" build infra/main.bicep --stdout 2>&1 >/dev/null)" || status=1
[[ -n "$build_out" ]] && printf '%s\n' "$build_out"

echo "==> bicep lint infra/main.bicep"
lint_out="$("$BICEP" lint infra/main.bicep 2>&1)" || status=1
[[ -n "$lint_out" ]] && printf '%s\n' "$lint_out"

if grep -Eqi 'warning|error' <<<"$build_out"$'\n'"$lint_out"; then
  status=1
fi

echo "==> infra/settings.json setByBicep <-> main.bicep settingValues"
# Names listed in settings.json "setByBicep" (one JSON string per line in that array).
expected="$(sed -n '/"setByBicep"/,/\]/p' infra/settings.json | grep -o '"[A-Za-z0-9_]*"' \
  | tr -d '"' | grep -v '^setByBicep$' | grep -v '^Csp__PublicBaseUrl$' | sort)"
# Keys of the `var settingValues = { ... }` object in main.bicep.
actual="$(awk '/^var settingValues = \{/{f=1;next} f&&/^\}/{f=0} f' infra/main.bicep \
  | sed -n 's/^[[:space:]]*\([A-Za-z0-9_]*\):.*/\1/p' | sort)"
if [[ "$expected" != "$actual" ]]; then
  echo "settings mismatch (< settings.json only, > main.bicep only):"
  diff <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") || true
  status=1
fi

if [[ $status -ne 0 ]]; then
  echo "FAILED: see the problems reported above."
  exit 1
fi
echo "OK: Bicep build and lint are clean; settings.json matches main.bicep."
