#!/usr/bin/env bash
# Runs a benchmark against the real host and a private PostgreSQL with its durable defaults (fsync, synchronous_commit on):
#   bench/run.sh idea-list [--ideas 10000] [--requests 1000]
#   bench/run.sh votes [--clients 64] [--votes 30000] [--ideas 1000]
#   bench/run.sh pages [--ideas 10000] [--requests 400]
#   bench/run.sh audit [--events 1000000] [--compare 50000] [--writers 16]
#   bench/run.sh audit-reads [--events 1000000] [--ideas 10000] [--requests 300] [--runs 10] [--without-index]
#   bench/run.sh rebuild [--events 1000000] [--runs 3] [--per-stream 10] [--daemon-runs 3]
#   bench/run.sh messaging [--campaigns 20] [--ideas 5] [--votes 10] [--rounds 1]
# PG_DURABLE=0 runs it on the tests' faster, non-durable settings instead.
set -euo pipefail
cd "$(dirname "$0")/.."
export PG_DURABLE=${PG_DURABLE:-1}
source scripts/private-postgres.sh
start_private_postgres cocreation_bench
dotnet run -c Release --project bench/CoCreation.Benchmarks -- "$@"
