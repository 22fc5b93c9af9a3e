# Sourced by scripts/test.sh and bench/*/run.sh. `start_postgres NAME [SERVER OPTION...]` starts a throwaway PostgreSQL
# cluster in a temporary folder NAME.XXXXXX (trust authentication, loopback only, the given -c options added) and sets
# pg_port; `stop_postgres` stops it and removes the folder. Callers set their own EXIT trap.
pg_bin="" pg_dir="" pg_port=""

# Runs a PostgreSQL program as the postgres user when we are root (initdb refuses root), from a folder it may enter.
as_pg() {
  if ((EUID == 0)); then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

stop_postgres() {
  if [[ -n $pg_dir && -d $pg_dir ]]; then
    [[ -f $pg_dir/data/postmaster.pid ]] && as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$pg_dir"
  fi
}

start_postgres() {
  local name=$1
  shift
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x $pg_bin/initdb ]] || { echo "找不到 PostgreSQL（/usr/lib/postgresql/*/bin）/ PostgreSQL not found" >&2; return 1; }
  # As root the cluster belongs to postgres, which may not enter root's own TMPDIR; /tmp it can.
  local base=${TMPDIR:-/tmp}
  ((EUID == 0)) && base=/tmp
  pg_dir=$(mktemp -d "$base/$name.XXXXXX") || return 1
  ((EUID == 0)) && chown postgres: "$pg_dir"
  chmod 700 "$pg_dir"
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1 || {
    cat "$pg_dir/initdb.log" >&2
    return 1
  }
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$pg_dir' -c max_connections=200 $*" \
        >/dev/null; then
      pg_port=$port
      return 0
    fi
  done
  cat "$pg_dir/server.log" >&2
  return 1
}
