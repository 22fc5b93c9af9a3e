#!/usr/bin/env bash
# Builds the server and the crash benchmark in Release, then kills the server with SIGKILL in the middle of ballots, awards
# and redemptions, round after round, restarts it on the same database and checks that every acknowledged write is stored
# whole and that verify-ledger passes (see bench/README.md, "Crash"). SQLite by default; with --db postgres on a throwaway
# PostgreSQL cluster (scripts/lib/postgres.sh), removed at the end.
# Usage: bench/crash/run.sh [--db sqlite|postgres] [--rounds N] [--requests N] [--clients N] [--seed N]
set -euo pipefail
cd "$(dirname "$0")/../.."
db=sqlite
args=()
while (($# > 0)); do
  case $1 in
    --db) db=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
dotnet build src/Jishi.Web -c Release -v q -nologo
dotnet build bench/crash -c Release -v q -nologo
if [[ $db == postgres ]]; then
  source scripts/lib/postgres.sh
  trap stop_postgres EXIT
  start_postgres jishi-crash-pg
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port ($pg_dir)"
  export JISHI_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi
dotnet bench/crash/bin/Release/net10.0/Jishi.Bench.Crash.dll "$PWD/src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll" --db "$db" "${args[@]}"
