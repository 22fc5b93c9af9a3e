#!/usr/bin/env bash
# Builds the server and the benchmark in Release, generates a city (40 streets, 200,000 members and 20,000,000 ledger
# entries at SCALE 1) into the server's fresh database, runs verify-ledger, then times statements, leaderboards, year-end
# stars and single awards (see bench/README.md). SQLite by default; with --db postgres on a throwaway PostgreSQL cluster
# (bench/Shared/postgres.sh), removed at the end. Usage: bench/points/run.sh [SCALE] [--db sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/../.."
scale=1 db=sqlite
while (($# > 0)); do
  case $1 in
    --db) db=$2; shift 2 ;;
    *) scale=$1; shift ;;
  esac
done
dotnet build src/Jishi.Web -c Release -v q -nologo
dotnet build bench/points -c Release -v q -nologo
if [[ $db == postgres ]]; then
  source bench/Shared/postgres.sh
  start_postgres
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $pg_port ($pg_dir)"
  export JISHI_BENCH_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
fi
dotnet bench/points/bin/Release/net10.0/Jishi.Bench.Points.dll "$PWD/src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll" "$scale" "$db"
