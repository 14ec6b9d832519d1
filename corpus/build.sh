#!/usr/bin/env bash
# Rebuild the corpus's DOCX, PDF, ODT and TXT files from src/*.md.
# Needs pandoc, LibreOffice (soffice, package libreoffice-writer-nogui) and
# python3-yaml. Usage: corpus/build.sh [ID ...]   (no ids: every plan)
set -euo pipefail
cd "$(dirname "$0")"
export HOME="${HOME:-/tmp}"
[ -w "$HOME" ] || export HOME=/tmp
if [ "${1:-}" = "--reference" ]; then rm -f reference.docx; shift; fi
exec python3 tools/build.py "$@"
