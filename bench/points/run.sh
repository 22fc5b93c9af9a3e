#!/usr/bin/env bash
# Builds the server and the benchmark in Release, generates a city (40 streets, 200,000 members and 20,000,000 ledger
# entries at SCALE 1) into the server's fresh SQLite database, runs verify-ledger, then times statements, leaderboards,
# year-end stars and single awards (see bench/README.md). Usage: bench/points/run.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Jishi.Web -c Release -v q -nologo
dotnet build bench/points -c Release -v q -nologo
dotnet bench/points/bin/Release/net10.0/Jishi.Bench.Points.dll "$PWD/src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll" "${1:-1}"
