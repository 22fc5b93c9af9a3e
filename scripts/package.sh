#!/usr/bin/env bash
# Builds the release a street office installs: a self-contained publish of src/Jishi.Web (no .NET runtime or SDK needed
# on the target) whose executable is `jishi`, with appsettings, 安装说明.txt and the service files (ADR-012).
#   scripts/package.sh linux-x64|linux-arm64|win-x64|all  →  dist/jishi-VERSION-RID.tar.gz (.zip for win-x64)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props")
rids=(linux-x64 linux-arm64 win-x64)

package() {
  local rid=$1 name="jishi-$version-$1"
  local stage="$root/artifacts/package/$rid" out="$root/dist"
  rm -rf "$stage"
  mkdir -p "$stage/$name" "$out"
  # A Release build for that RID: its obj/ and bin/ folders are apart from the Debug build the tests run.
  dotnet publish "$root/src/Jishi.Web" -c Release -r "$rid" --self-contained \
    -o "$stage/$name" -v q -clp:ErrorsOnly -nologo
  local exe=""
  [[ $rid == win-* ]] && exe=.exe
  mv "$stage/$name/Jishi.Web$exe" "$stage/$name/jishi$exe"
  rm -f "$stage/$name"/*.pdb "$stage/$name/appsettings.Development.json"
  cp "$root/packaging/安装说明.txt" "$root/packaging/jishi.service" "$stage/$name/"
  rm -f "$out/$name".*
  if [[ $rid == win-* ]]; then
    (cd "$stage" && python3 -m zipfile -c "$out/$name.zip" "$name")
    echo "$out/$name.zip"
  else
    tar -C "$stage" -czf "$out/$name.tar.gz" "$name"
    echo "$out/$name.tar.gz"
  fi
  rm -rf "$stage"
}

case "${1:-}" in
  all) for rid in "${rids[@]}"; do package "$rid"; done ;;
  linux-x64 | linux-arm64 | win-x64) package "$1" ;;
  *) echo "usage: scripts/package.sh linux-x64|linux-arm64|win-x64|all" >&2; exit 2 ;;
esac
