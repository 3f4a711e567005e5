#!/usr/bin/env bash
# Runs every test (unit, architecture, end-to-end on a real PostgreSQL and the real host).
set -euo pipefail
cd "$(dirname "$0")"
# The browser tests drive Debian's Chromium (no browser can be downloaded by Playwright here).
if [[ ! -x /usr/bin/chromium ]]; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi
fi
source scripts/private-postgres.sh
start_private_postgres cocreation_test
results=$(mktemp -d)
status=0
dotnet test CoCreation.Modular.sln -c Release --nologo --logger "trx" --results-directory "$results" "$@" || status=$?
# One plain closing line over all test projects, read from their result files.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
