#!/usr/bin/env bash
# Runs a benchmark against the real host and PostgreSQL: bench/run.sh idea-list [--ideas 10000] [--requests 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/private-postgres.sh
start_private_postgres cocreation_bench
dotnet run -c Release --project bench/CoCreation.Benchmarks -- "$@"
