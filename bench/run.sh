#!/usr/bin/env bash
# One benchmark harness (ADR-010): builds the server and bench/harness in Release once, then for each scenario starts the
# server on a fresh database on loopback, generates the scenario's data, measures the ceilings and the load with the one
# load generator, checks the result, stops everything and appends one row to bench/results.md.
# Usage: bench/run.sh SCENARIO|all [--db sqlite|postgres] [--seconds N] [--warmup N] [--clients N] [--scale X] [--rows N] [--note TEXT]
# Scenarios: ballots awards redemptions statement leaderboard import year-end. With --db postgres a throwaway PostgreSQL
# cluster (scripts/lib/postgres.sh) holds a fresh database per scenario and is removed at exit.
# `bench/run.sh crash [--db sqlite|postgres] [--rounds N] ...` runs the long form of the crash test (bench/crash/run.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ ${1:-} == crash ]] && exec bench/crash/run.sh "${@:2}"
[[ ${1:-} == sealing ]] && exec bench/sealing/run.sh "${@:2}"
db=sqlite
for ((i = 1; i <= $#; i++)); do
  [[ ${!i} == --db ]] && { j=$((i + 1)); db=${!j}; }
done
dotnet build src/Jishi.Web -c Release -v q -nologo
dotnet build bench/harness -c Release -v q -nologo
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- src bench/harness bench/Shared || commit="$commit+changes"
if [[ $db == postgres ]]; then
  source scripts/lib/postgres.sh
  trap stop_postgres EXIT
  # shared_buffers: a good share of a city's ledger cached, as a server would; commits wait for the disk (fsync on), as SQLite's.
  start_postgres jishi-bench-pg -c shared_buffers="${PG_SHARED_BUFFERS:-512MB}" -c max_wal_size=4GB -c maintenance_work_mem=256MB
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port ($pg_dir)"
  export JISHI_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi
dotnet bench/harness/bin/Release/net10.0/Jishi.Bench.dll --server "$PWD/src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll" \
  --commit "$commit" --results "$PWD/bench/results.md" "$@"
