#!/usr/bin/env bash
# Runs every test (unit, architecture, end-to-end on a real PostgreSQL and the real host).
set -euo pipefail
cd "$(dirname "$0")"
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
