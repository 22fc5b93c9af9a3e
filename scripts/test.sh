#!/usr/bin/env bash
# The README's test command. Installs what is missing (as root), builds once, starts a throwaway PostgreSQL cluster,
# runs unit tests, integration tests on SQLite and on PostgreSQL, and browser tests, then prints one summary line
# "N passed, N failed[, N skipped]" counted from the TRX files. Plain bash/grep/awk: CI machines may lack python.
# --fast, the edit-test loop: unit tests and the SQLite integration tests without the slow suites (the classes marked
# [Trait(Suites.Key, …)]: faults, command line, abuse corpora); no PostgreSQL, no browser, no release check.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DEBIAN_FRONTEND=noninteractive

fast=false
case "${1:-}" in
  "") ;;
  --fast) fast=true ;;
  *)
    printf '用法 / Usage: scripts/test.sh [--fast]\n' >&2
    exit 2
    ;;
esac
slow_suites="Suite!=Faults&Suite!=Cli&Suite!=Abuse"

results="$PWD/TestResults"
packages=(postgresql chromium fonts-noto-cjk libopencc1.1 e2fsprogs util-linux python3-openpyxl curl)
# What --fast needs: no PostgreSQL, browser or fault-test tools.
$fast && packages=(libopencc1.1 python3-openpyxl fonts-noto-cjk)
passed=0 failed=0 skipped=0
failures=()

say() { printf '%s\n' "$*" >&2; }

# The summary is always the last line, also when the build fails before any test ran.
finish() {
  local line="$passed passed, $failed failed"
  ((skipped > 0)) && line+=", $skipped skipped"
  if ((${#failures[@]} > 0)); then
    echo "失败的测试 / Failed tests:"
    printf '  %s\n' "${failures[@]}"
  fi
  echo "$line"
  exit $((failed == 0 ? 0 : 1))
}

install_packages() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  if ((EUID != 0)); then
    say "缺少软件包：${missing[*]}。请以 root 身份运行本脚本，或先执行：sudo apt-get install -y ${missing[*]}"
    say "Missing packages: ${missing[*]}. Run this script as root, or first run: sudo apt-get install -y ${missing[*]}"
    exit 2
  fi
  say "安装缺少的软件包 / Installing missing packages: ${missing[*]}"
  apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}" || {
    say "软件包安装失败 / Package installation failed: ${missing[*]}"
    exit 2
  }
}

# The throwaway cluster: no durability (a test database is thrown away), fast.
source scripts/lib/postgres.sh
source scripts/lib/release-check.sh

# Runs one test project into TestResults/NAME.trx (only the tests $test_filter selects, when set) and adds its counters;
# a run without a readable result, or one that failed without a failed test, counts as one failure.
run_tests() {
  local name=$1 project=$2 trx="$results/$1.trx" status=0 filter=()
  shift 2
  [[ -n ${test_filter:-} ]] && filter=(--filter "$test_filter")
  say "=== $name ==="
  rm -f "$trx"
  env "$@" dotnet test "$project" --no-build -c Debug --nologo --results-directory "$results" ${filter[@]+"${filter[@]}"} \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --blame-hang-timeout 8m --blame-hang-dump-type none || status=$?
  local counters
  counters=$([[ -f $trx ]] && grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  if [[ -z $counters ]]; then
    failed=$((failed + 1))
    failures+=("$name: 测试运行崩溃，没有结果 / run crashed without results (exit code $status)")
    return
  fi
  local p f s
  read -r p f s < <(awk '{
      for (i = 1; i <= NF; i++) if (split($i, kv, "=") == 2) { gsub(/[^0-9]/, "", kv[2]); v[kv[1]] = kv[2] + 0 }
      print v["passed"] + 0, v["failed"] + v["error"] + v["timeout"] + v["aborted"] + 0, v["total"] - v["executed"]
    }' <<<"$counters")
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  local test_name
  while IFS= read -r test_name; do
    [[ -n $test_name ]] && failures+=("$name: $test_name")
  done < <(grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$trx" \
    | sed -e 's/.*testName="\([^"]*\)".*/\1/' -e 's/&quot;/"/g; s/&apos;/'"'"'/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g')
  if ((status != 0 && f == 0)); then
    failed=$((failed + 1))
    failures+=("$name: 测试运行异常结束 / run ended abnormally (exit code $status)")
  fi
}

trap stop_postgres EXIT
trap 'exit 130' INT TERM

install_packages
command -v dotnet >/dev/null || {
  say "找不到 .NET SDK（dotnet），请按 https://learn.microsoft.com/dotnet/core/install/linux-debian 安装 / .NET SDK (dotnet) not found"
  exit 2
}
rm -rf "$results"
mkdir -p "$results"

if ! dotnet tool restore >/dev/null || ! dotnet build Jishi.slnx -c Debug --nologo -v q -clp:ErrorsOnly; then
  failed=1
  failures+=("build: 构建失败 / build failed")
  finish
fi

run_tests unit tests/Jishi.UnitTests
if $fast; then
  test_filter=$slow_suites run_tests integration-sqlite tests/Jishi.IntegrationTests
  finish
fi
run_tests integration-sqlite tests/Jishi.IntegrationTests
if start_postgres jishi-pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off; then
  run_tests integration-postgres tests/Jishi.IntegrationTests \
    "JISHI_TEST_POSTGRES=Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
else
  failed=$((failed + 1))
  failures+=("integration-postgres: PostgreSQL 无法启动 / PostgreSQL did not start")
fi
stop_postgres
run_tests browser tests/Jishi.BrowserTests
check_release
finish
