# Sourced by scripts/test.sh. `check_release` builds the linux-x64 release with scripts/package.sh, unpacks it into a
# temporary folder and runs it as a street office would: no SDK and no runtime on PATH (PATH=/usr/bin:/bin,
# DOTNET_ROOT=/nonexistent), a fresh data folder. It passes when /healthz answers Healthy and `jishi verify-ledger` exits 0
# afterwards; it counts as one test in the summary line.
check_release() {
  local dir archive port pid status=ok
  say "=== release (linux-x64) ==="
  dir=$(mktemp -d "${TMPDIR:-/tmp}/jishi-release.XXXXXX")
  archive=$(scripts/package.sh linux-x64 | tail -n 1) || status="scripts/package.sh linux-x64 失败 / failed"
  if [[ $status == ok ]]; then
    tar -C "$dir" -xzf "$archive" && mkdir -p "$dir/office"
    local exe=("$dir"/jishi-*-linux-x64/jishi)
    port=$((20000 + RANDOM % 40000))
    (cd "$dir/office" && exec env -i PATH=/usr/bin:/bin DOTNET_ROOT=/nonexistent HOME="$dir/office" "${exe[0]}" \
      --urls "http://127.0.0.1:$port" >"$dir/server.log" 2>&1) &
    pid=$!
    local answer="" i
    for i in $(seq 1 120); do
      answer=$(curl -sf "http://127.0.0.1:$port/healthz" 2>/dev/null) && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [[ $answer != Healthy ]]; then
      status="发布版未能启动 / the release did not answer /healthz: $(tail -n 5 "$dir/server.log" | tr '\n' ' ')"
    elif [[ ! -s $dir/office/data/jishi.db ]]; then
      status="发布版未在 ./data 建数据库 / no database under ./data"
    elif ! (cd "$dir/office" && env -i PATH=/usr/bin:/bin DOTNET_ROOT=/nonexistent HOME="$dir/office" "${exe[0]}" verify-ledger >/dev/null 2>&1); then
      status="发布版 verify-ledger 失败 / verify-ledger failed"
    elif [[ $("${exe[0]}" --version 2>&1) != "$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)" ]]; then
      status="jishi --version 未输出版本号 / --version did not print the version"
    fi
  fi
  rm -rf "$dir"
  if [[ $status == ok ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("release: $status")
  fi
}
