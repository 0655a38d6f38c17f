#!/usr/bin/env bash
# Saturation run with wrk (a C load tool, much lighter than the Java client, so more of the two cores go to the
# server): bench/wrk/run-wrk.sh patient-view|fallback BASE_URL CONNECTIONS SECONDS
# Needs wrk (Debian: apt-get install wrk) and bench/target/microcytic-bench.jar (./mvnw -Pbench package).
set -euo pipefail
cd "$(dirname "$0")/../.."
scenario=${1:?patient-view|fallback}; base=${2:-http://127.0.0.1:18080}; conns=${3:-4}; secs=${4:-15}
body=bench/target/wrk-$scenario.json
java -jar bench/target/microcytic-bench.jar body "$scenario" "$body" --base "$base"
BODY=$body wrk -t1 -c"$conns" -d"${secs}s" --latency -s bench/wrk/post-body.lua "$base/cds-services/microcytic-anemia" | tail -1
