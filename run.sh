#!/usr/bin/env bash
# Starts CoCreation at http://127.0.0.1:5080 with demo data. Extra arguments go to the host (e.g. --urls).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/private-postgres.sh
start_private_postgres cocreation
export CoCreation__DevMode="${CoCreation__DevMode:-true}"
export CoCreation__SeedDemoData="${CoCreation__SeedDemoData:-true}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
dotnet build src/Host/CoCreation.Host.csproj -c Release -nologo -v q
dotnet src/Host/bin/Release/net10.0/CoCreation.Host.dll "$@" &
host=$!
trap 'kill -TERM $host 2>/dev/null || true; wait $host 2>/dev/null || true; stop_private_postgres' EXIT INT TERM
wait $host
