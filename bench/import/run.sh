#!/usr/bin/env bash
# Builds the server and the benchmark in Release and imports a 50,000-row roster (see bench/results.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Jishi.Web -c Release -v q -nologo
dotnet build bench/import -c Release -v q -nologo
dotnet bench/import/bin/Release/net10.0/Jishi.Bench.Import.dll "$PWD/src/Jishi.Web/bin/Release/net10.0/Jishi.Web.dll" "${1:-50000}"
