#!/usr/bin/env bash
# Runs the microcytic-cds load benchmarks (BENCHMARKS.md) and writes the results into BENCHMARKS.md.
#
#   bench/run.sh              full run (20-35 min: warm-ups last until the JIT has compiled): builds server + bench, starts the servers on 127.0.0.1:18080-18082,
#                             runs every scenario, stops everything, replaces the results section of BENCHMARKS.md
#   bench/run.sh --smoke      each scenario for a few seconds against one product server (~1 min + build);
#                             exit code 1 when any scenario fails; BENCHMARKS.md is not touched
#   bench/run.sh --no-build   use the jars already in server/target and bench/target
#   bench/run.sh --jfr        also record JFR on the servers and list their hottest methods in the report
# Any other option goes to the suite (e.g. --rate 200 --clients 2,4,8 --ingest-rounds 3 --jvm-opts "-Xmx768m"); see
# SuiteOptions.java.
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
build=1
args=()
for a in "$@"; do
  case "$a" in
    --smoke) smoke=1; args+=("--smoke") ;;
    --no-build) build=0 ;;
    *) args+=("$a") ;;
  esac
done

if [ "$build" = 1 ]; then
  # The smoke measures nothing, so it skips the class data sharing archive (a minute of build on two cores).
  cds_skip=false; [ "$smoke" = 1 ] && cds_skip=true
  ./mvnw -q -Pbench -DskipTests -Dmicrocytic.cds.skip=$cds_skip package -pl server,bench -am
fi

for jar in server/target/app/microcytic-server.jar bench/target/microcytic-bench.jar; do
  [ -f "$jar" ] || { echo "missing $jar (run without --no-build)" >&2; exit 2; }
done

out=bench/target/bench-results.md
mkdir -p bench/target
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then commit="$commit (with local changes)"; fi

rc=0
# The client gets its own fixed heap so its GC does not grow into the servers' memory.
java -Xms512m -Xmx512m -XX:+UseParallelGC -jar bench/target/microcytic-bench.jar suite \
  --command "bench/run.sh $*" --git-commit "$commit" --out "$out" ${args[@]+"${args[@]}"} || rc=$?

if [ "$smoke" = 0 ] && [ -f "$out" ]; then
  # Replace everything between the two markers with the new results.
  awk -v results="$out" '
    /<!-- bench:results:start -->/ { print; while ((getline line < results) > 0) print line; skip = 1; next }
    /<!-- bench:results:end -->/ { skip = 0 }
    !skip { print }
  ' BENCHMARKS.md > BENCHMARKS.md.tmp && mv BENCHMARKS.md.tmp BENCHMARKS.md
  echo "results written to BENCHMARKS.md (and $out)"
fi
exit "$rc"
