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
# Password-protected copies (password "plan"), saved as "Save with password" would: a Basic macro in the scratch profile.
cp save-with-password.xba "$profile/user/basic/Standard/Module1.xba"
save_with_password() {
  soffice -env:UserInstallation=file://"$profile" --headless --norestore \
    "macro:///Standard.Module1.SaveWithPassword(\"$(realpath "$1")\",\"$(realpath -m "$2")\",\"$3\",\"plan\")" >/dev/null
  head -c 8 "$2" | od -An -tx1 | grep -q "d0 cf 11 e0 a1 b1 1a e1" || { echo "$2 was not saved encrypted" >&2; exit 1; }
}
save_with_password "$out/word-seed-layout.docx" "$out/password-protected.docx" "MS Word 2007 XML"
save_with_password "$out/excel-merged.xlsx" "$out/password-protected.xlsx" "Calc MS Excel 2007 XML"
ls -l "$out"/*.docx "$out"/*.xlsx
