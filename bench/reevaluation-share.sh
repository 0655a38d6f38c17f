#!/usr/bin/env bash
# How much of the server's CPU re-evaluation takes while ingest saturates the cores, and how far the differentials
# lag: starts the product (re-evaluation on, fresh H2 file), runs the ingest load (1 Patient + 12 Observations per
# transaction, 4 clients), and every 15 s prints the CPU time of the threads `microcytic-reevaluation-*` against the
# whole process (from /proc/<pid>/task/*/stat) with the meters microcytic.reevaluation.{completed,pending,yields};
# then follows the drain until nothing is pending.
#   bench/reevaluation-share.sh [SECONDS=240] [extra server options, e.g. --microcytic.reevaluation.busy-share=0.05]
# Needs Linux /proc, curl, python3 and the jars of `./mvnw -Pbench -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-240}; shift || true
port=18090; base=http://127.0.0.1:$port
db=$(mktemp -d)
java -Xms256m -Xmx768m -XX:SharedArchiveFile=server/target/app/microcytic-server.jsa \
    -jar server/target/app/microcytic-server.jar --server.port=$port --server.address=127.0.0.1 \
    "--spring.datasource.url=jdbc:h2:file:$db/h2;DB_CLOSE_ON_EXIT=FALSE" --microcytic.cds.auth.required=false --microcytic.fhir.auth.required=false \
    --microcytic.reevaluation.enabled=true --management.endpoints.web.exposure.include=health,metrics "$@" \
    > "$db/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$db"' EXIT
until curl -sf $base/actuator/health > /dev/null; do sleep 1; done
meter() {
  curl -s "$base/actuator/metrics/microcytic.reevaluation.$1" \
    | python3 -c 'import sys, json; print(int(json.load(sys.stdin)["measurements"][0]["value"]))'
}
# utime + stime in clock ticks: of the evaluation threads, and of the whole process
evaluation_ticks() {
  local sum=0 t
  for t in /proc/$pid/task/*; do
    [[ $(cat "$t/comm" 2> /dev/null) == microcytic-reev* ]] && sum=$((sum + $(awk '{print $14 + $15}' "$t/stat")))
  done
  echo $sum
}
process_ticks() { awk '{print $14 + $15}' /proc/$pid/stat; }
java -jar bench/target/microcytic-bench.jar ingest --base $base --clients 4 --seconds "$secs" > "$db/load.log" 2>&1 &
load=$!
e0=$(evaluation_ticks); p0=$(process_ticks)
while kill -0 $load 2> /dev/null; do
  sleep 15
  e=$(evaluation_ticks); p=$(process_ticks)
  echo "$(date -u +%T) load: evaluation threads $(python3 -c "print(f'{($e - $e0) / max(1, $p - $p0):.3f}')") of the" \
    "server's CPU; completed $(meter completed), pending $(meter pending), yields $(meter yields)"
  e0=$e; p0=$p
done
tail -1 "$db/load.log"
end=$(date +%s)
while [ "$(meter pending)" != 0 ] || [ "$(meter running)" != 0 ]; do sleep 2; done
echo "drain: all $(meter completed) re-evaluations stored $(( $(date +%s) - end )) s after the load"
