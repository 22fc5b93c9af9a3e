#!/usr/bin/env bash
# Builds the server and the benchmark in Release, redeems goods at a demo shop from 50 concurrent clients and checks stock
# and balances afterwards (see bench/README.md). Usage: bench/shops/run.sh [REDEMPTIONS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Jishi.Web -c Release -v q -nologo
dotnet build bench/shops -c Release -v q -nologo
dotnet bench/shops/bin/Release/net10.0/Jishi.Bench.Shops.dll "$PWD/src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll" "${1:-15000}" "${2:-50}"
