#!/usr/bin/env bash
# Times './vindplaats platforms' as a whole process (cold JVM each run) next to 'java -version'
# on the same JDK in the same run, and prints medians and their ratio.
# Usage: releng/benchmarks/cli-startup.sh [runs]   (default 15)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-15}
. "$ROOT/.mvn/find-jdk.sh"
"$ROOT/vindplaats" platforms >/dev/null   # builds the product if needed, warms the disk cache

now_ms() { date +%s%N | cut -c1-13; }
measure() { # prints one wall-clock time in ms per run
  for _ in $(seq "$RUNS"); do
    t0=$(now_ms); "$@" >/dev/null 2>&1; t1=$(now_ms); echo $((t1 - t0))
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

base=$(measure "$JAVA_HOME/bin/java" -version | median)
cli=$(measure "$ROOT/vindplaats" platforms | median)
echo "runs: $RUNS, JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
echo "baseline 'java -version':        ${base} ms (median)"
echo "'./vindplaats platforms' (cold): ${cli} ms (median)"
awk -v a="$cli" -v b="$base" 'BEGIN { printf "ratio: %.1fx the bare JVM start\n", a / b }'
