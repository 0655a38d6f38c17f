#!/usr/bin/env bash
# Start-up time and memory of the product as the README starts it (BENCHMARKS.md "Footprint and start-up"): process
# start to /actuator/health 200, and VmRSS one second after. Run from the repository root after `./mvnw -DskipTests
# package`; each run stops the server again.
#
#   bench/start-time.sh LABEL [JAVA [JVM OPTIONS...]]
#   bench/start-time.sh jdk17 java -XX:SharedArchiveFile=server/target/app/microcytic-server.jsa
#   KEEP=1 bench/start-time.sh restart java -XX:SharedArchiveFile=server/target/app/microcytic-server.jsa
#   bench/start-time.sh jdk25 /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -XX:AOTCache=server/target/app/microcytic-server.aot
#
# The store is a fresh H2 file under bench/target/start-time (KEEP=1: the previous run's store, a restart); port 18090.
set -euo pipefail
cd "$(dirname "$0")/.."
label=${1:?label}; shift
java_cmd=${1:-java}; shift || true
store=bench/target/start-time
[ -n "${KEEP:-}" ] || rm -rf "$store"
mkdir -p "$store"
log="$store/$label.log"
t0=$(date +%s.%N)
"$java_cmd" "$@" -jar server/target/app/microcytic-server.jar --microcytic.fhir.auth.required=false \
  --server.port=18090 "--spring.datasource.url=jdbc:h2:file:$PWD/$store/microcytic;DB_CLOSE_ON_EXIT=FALSE" > "$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
load=$(cut -d' ' -f1 /proc/loadavg)
until curl -sf http://127.0.0.1:18090/actuator/health > /dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { echo "$label: the server exited; see $log" >&2; exit 1; }
  sleep 0.1
done
t1=$(date +%s.%N)
sleep 1
rss=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")
printf '%s: health UP after %.1f s, RSS %s MB, 1-min load at start %s\n' "$label" "$(echo "$t1 - $t0" | bc)" "$rss" "$load"
