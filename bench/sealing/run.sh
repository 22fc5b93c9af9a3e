#!/usr/bin/env bash
# Builds the sealing benchmark in Release and runs it in-process (no server, no database): sealing and verifying one
# ballot, then the encrypted tally of BALLOTS ballots (sum from bytes, partial decryptions with proofs, discrete logs).
# See bench/README.md, "Sealing".
# Usage: bench/sealing/run.sh [--ballots N] [--subjects N] [--groups N] [--trustees N]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/sealing -c Release -v q -nologo
dotnet bench/sealing/bin/Release/net10.0/Jishi.Bench.Sealing.dll "$@"
