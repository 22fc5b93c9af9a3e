# Sourced by bench run.sh scripts: start_postgres starts a throwaway PostgreSQL cluster in a temporary folder (trust
# authentication, loopback only, as scripts/test.sh does, but durable: commits wait for the disk as SQLite's do) and sets pg_port; stop_postgres removes it.
# An EXIT trap stops it however the script ends.
pg_bin="" pg_dir="" pg_port=""

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
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -x $pg_bin/initdb ]] || { echo "PostgreSQL not found (/usr/lib/postgresql/*/bin)" >&2; return 1; }
  local base=${TMPDIR:-/tmp}
  ((EUID == 0)) && base=/tmp
  pg_dir=$(mktemp -d "$base/jishi-bench-pg.XXXXXX") || return 1
  ((EUID == 0)) && chown postgres: "$pg_dir"
  chmod 700 "$pg_dir"
  trap stop_postgres EXIT
  as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C >"$pg_dir/initdb.log" 2>&1 || {
    cat "$pg_dir/initdb.log" >&2
    return 1
  }
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
    # shared_buffers: a good share of a city's ledger (about 4 GB of table and indexes) cached, as a server would.
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$pg_dir' -c max_connections=200 -c shared_buffers=${PG_SHARED_BUFFERS:-512MB} -c max_wal_size=4GB -c maintenance_work_mem=256MB" \
        >/dev/null; then
      pg_port=$port
      return 0
    fi
  done
  cat "$pg_dir/server.log" >&2
  return 1
}
