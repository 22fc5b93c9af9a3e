#!/usr/bin/env bash
# Generates migration NAME for both providers with dotnet ef (ADR-002). Never hand-edit the output.
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
dotnet build src/Jishi.Web -nologo -v q
for provider in Sqlite Postgres; do
  JISHI_EF_PROVIDER=$provider dotnet ef migrations add "$name" --no-build \
    --project src/Jishi.Migrations.$provider --startup-project src/Jishi.Web
done
dotnet build src/Jishi.Web -nologo -v q
