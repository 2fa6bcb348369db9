#!/usr/bin/env bash
# Rebuilds the corpus's office files from these sources with LibreOffice, as a user's "Save as" would.
# Usage: tests/CspFunctions.Tests/Plans/Corpus/sources/build.sh   (needs soffice: libreoffice-writer-nogui, libreoffice-calc-nogui)
set -euo pipefail
cd "$(dirname "$0")"
out=..
profile="$(mktemp -d)"
trap 'rm -rf "$profile" *.fods.tmp' EXIT
for f in *.html; do
  soffice -env:UserInstallation=file://"$profile" --headless --norestore --convert-to docx:"MS Word 2007 XML" --outdir "$out" "$f" >/dev/null
done
for f in *.fods; do
  tmp="$(mktemp -d)"
  { cat fods.head; sed -e '/@HEAD@/d' -e '/@TAIL@/d' "$f"; cat fods.tail; } > "$tmp/${f}"
  soffice -env:UserInstallation=file://"$profile" --headless --norestore --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out" "$tmp/${f}" >/dev/null
  rm -rf "$tmp"
done
ls -l "$out"/*.docx "$out"/*.xlsx
