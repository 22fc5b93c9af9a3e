#!/usr/bin/env bash
# Builds the server and the benchmark in Release, casts ballots of 9 subjects from 50 concurrent clients and times the
# results of the campaign (see bench/README.md). Usage: bench/ballots/run.sh [BALLOTS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Jishi.Web -c Release -v q -nologo
dotnet build bench/ballots -c Release -v q -nologo
dotnet bench/ballots/bin/Release/net10.0/Jishi.Bench.Ballots.dll "$PWD/src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll" "${1:-100000}" "${2:-50}"
