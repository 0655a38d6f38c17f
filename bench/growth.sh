#!/usr/bin/env bash
# Growth benchmark (BENCHMARKS.md, "Growth"): starts the product on a fresh store, loads synthetic patients (about 12.5
# lab Observations each) with several concurrent clients and, at each checkpoint, measures the ingest rate of the last
# stretch, $microcytic-differential, the CDS Hooks fallback, the README's interpretation queries and the store size.
# Report: bench/target/growth-results.md (BENCHMARKS.md is not touched).
#
#   bench/growth.sh                          1,000,000 lab Observations on a fresh H2 file, checkpoints 0, 100k, 1M
#   bench/growth.sh --postgres               the same on a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres)
#   bench/growth.sh --observations 20000 --checkpoints 0,10000,20000     a short functional run
#   --pg-db NAME     the PostgreSQL database to drop and create (default microcytic_growth)
#   --port N         the server's port (default 18080)
#   --no-build       use the jars already in server/target and bench/target
# Any other option goes to the growth command (e.g. --clients 8 --samples 200 --seed 7 --window 20000); see
# GrowthOptions.java. Server JVM options: SERVER_JVM_OPTS (default "-Xms256m -Xmx768m", as bench/run.sh).
set -euo pipefail
invocation="bench/growth.sh $*"
cd "$(dirname "$0")/.."

postgres=0
build=1
observations=1000000
checkpoints=""
pg_db=microcytic_growth
port=18080
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=1 ;;
    --no-build) build=0 ;;
    --observations) observations="$2"; shift ;;
    --checkpoints) checkpoints="$2"; shift ;;
    --pg-db) pg_db="$2"; shift ;;
    --port) port="$2"; shift ;;
    *) args+=("$1") ;;
  esac
  shift
done
[ -n "$checkpoints" ] || checkpoints="0,$((observations / 10)),$observations"
[[ "$pg_db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "--pg-db: lower-case letters, digits and _ only" >&2; exit 2; }

if [ "$build" = 1 ]; then
  # Start-up time is not measured here, so the class data sharing archive is not needed.
  ./mvnw -q -Pbench -DskipTests -Dmicrocytic.cds.skip=true package -pl server,bench -am
fi
for jar in server/target/app/microcytic-server.jar bench/target/microcytic-bench.jar; do
  [ -f "$jar" ] || { echo "missing $jar (run without --no-build)" >&2; exit 2; }
done
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port on 127.0.0.1 is already in use; stop that process or pass --port" >&2
  exit 2
fi

work=bench/target/growth
mkdir -p "$work"
if [ "$postgres" = 1 ]; then
  store=postgres
  PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d postgres \
    -c "DROP DATABASE IF EXISTS $pg_db" >/dev/null
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $pg_db" >/dev/null
  db_args=(--spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$pg_db")
  size_args=(--db-size-cmd "psql -h 127.0.0.1 -U postgres -d $pg_db -Atc \"SELECT pg_database_size('$pg_db')\"")
else
  store=h2
  rm -rf "$work/h2"
  mkdir -p "$work/h2"
  db_args=("--spring.datasource.url=jdbc:h2:file:$PWD/$work/h2/microcytic;DB_CLOSE_ON_EXIT=FALSE")
  size_args=(--h2-dir "$work/h2")
fi

read -r -a jvm <<< "${SERVER_JVM_OPTS:--Xms256m -Xmx768m}"
server=(java "${jvm[@]}")
[ -f server/target/app/microcytic-server.jsa ] && server+=(-XX:SharedArchiveFile=server/target/app/microcytic-server.jsa)
server+=(-jar server/target/app/microcytic-server.jar --server.port="$port" --server.address=127.0.0.1
  "${db_args[@]}" --microcytic.fhir.auth.required=false --microcytic.cds.auth.required=false
  --management.endpoints.web.exposure.include=health,metrics)
log="$work/server-$store.log"
"${server[@]}" > "$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true' EXIT
echo "server pid $server_pid (log $log); waiting for health"
for _ in $(seq 1 1200); do
  kill -0 "$server_pid" 2>/dev/null || { echo "server exited; see $log" >&2; exit 1; }
  curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  sleep 0.5
done

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit (with local changes)"; fi
t0=$(date +%s)
rc=0
java -Xms512m -Xmx512m -XX:+UseParallelGC -jar bench/target/microcytic-bench.jar growth \
  --base "http://127.0.0.1:$port" --target "$observations" --checkpoints "$checkpoints" --store "$store" \
  "${size_args[@]}" --out bench/target/growth-results.md --git-commit "$commit" \
  --command "$invocation" --server-command "${server[*]}" ${args[@]+"${args[@]}"} || rc=$?
echo "growth run took $(( $(date +%s) - t0 )) s (exit code $rc)"
exit "$rc"
