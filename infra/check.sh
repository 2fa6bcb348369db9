#!/usr/bin/env bash
# Compile and lint the Bicep templates with a pinned Bicep CLI. Needs only the .NET SDK.
#
#   infra/check.sh            (from any directory)
#
# 1. Gets the pinned Bicep CLI through infra/bicep.sh (restored from NuGet on first use; nothing is built).
# 2. Runs `bicep build infra/main.bicep --stdout` and `bicep lint infra/main.bicep`.
# 3. Checks that every "setByBicep" name in infra/settings.json has a value in main.bicep.
# Exits non-zero on any error, any warning (linter rules are configured in infra/bicepconfig.json)
# or any settings mismatch.
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$INFRA_DIR/.." && pwd)"
BICEP="$INFRA_DIR/bicep.sh" # the pinned Bicep CLI, restored on first use

cd "$REPO_DIR"
status=0

echo "==> bicep build infra/main.bicep"
build_out="$(bash "$BICEP" build infra/main.bicep --stdout 2>&1 >/dev/null)" || status=1
[[ -n "$build_out" ]] && printf '%s\n' "$build_out"

echo "==> bicep lint infra/main.bicep"
lint_out="$(bash "$BICEP" lint infra/main.bicep 2>&1)" || status=1
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
