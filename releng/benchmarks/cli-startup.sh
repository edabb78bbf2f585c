#!/usr/bin/env bash
# Times CLI commands as whole processes next to 'java -version' on the same JDK in the same run,
# and prints medians and their ratio to that baseline: --help, platforms, notes list and search on
# a 1 000-note workspace, each
#   served  - answered by the resident CLI server (the usual case: a server is running),
#   alone   - as a process of its own (VINDPLAATS_SERVER=off: Equinox and the catalog start anew),
# and 'platforms' once more as the first command, which starts the server.
# Usage: releng/benchmarks/cli-startup.sh [runs]   (default 15)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-15}
# Another launcher to compare with (e.g. an older copy of ./vindplaats placed in the repository root).
CLI=${VINDPLAATS_LAUNCHER:-$ROOT/vindplaats}
. "$ROOT/.mvn/find-jdk.sh"
"$CLI" platforms >/dev/null   # builds the product if needed, warms the disk cache

# A workspace of 1 000 generated notes (the dev set's 90 notes, repeated with other ids).
WS=$(mktemp -d)
trap 'rm -rf "$WS"' EXIT
SRC="$ROOT/bundles/org.vindplaats.testing/testdata/eval-dev/notes.jsonl"
for i in $(seq 0 11); do sed "s/\"id\": \"dev-/\"id\": \"b$i-/" "$SRC"; done > "$WS/all.jsonl"
head -n 1000 "$WS/all.jsonl" > "$WS/notes.jsonl"
"$CLI" notes import --workspace "$WS/ws" "$WS/notes.jsonl" >/dev/null 2>&1
"$CLI" search --workspace "$WS/ws" pesten >/dev/null 2>&1   # builds the index once

now_ms() { date +%s%N | cut -c1-13; }
measure() { # prints one wall-clock time in ms per run
  for _ in $(seq "$RUNS"); do
    t0=$(now_ms); "$@" >/dev/null 2>&1; t1=$(now_ms); echo $((t1 - t0))
  done
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
ratio() { awk -v a="$1" -v b="$base" 'BEGIN { printf "%5d ms (%4.1fx)", a, a / b }'; }

base=$(measure "$JAVA_HOME/bin/java" -version | median)
echo "runs: $RUNS, JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
echo "baseline 'java -version': ${base} ms (median); in brackets: times that baseline"
printf '%-34s %-18s %-18s\n' "command" "served" "alone"
report() { # label, command...
  local label=$1; shift
  "$@" >/dev/null 2>&1 || true   # the server is up and has run this once
  local served alone
  served=$(measure "$@" | median)
  alone=$(measure env VINDPLAATS_SERVER=off "$@" | median)
  printf '%-34s %s  %s\n' "$label" "$(ratio "$served")" "$(ratio "$alone")"
}
report "--help" "$CLI" --help
report "platforms" "$CLI" platforms
report "notes list (1 000 notes)" "$CLI" notes list --workspace "$WS/ws"
report "search grooming (1 000 notes)" "$CLI" search --workspace "$WS/ws" grooming

# The first command of a session starts the server: remove its socket (it stops within a second)
# before each run.
first() {
  for _ in $(seq "$RUNS"); do
    for s in "${XDG_CACHE_HOME:-$HOME/.cache}"/vindplaats/org.vindplaats.cli.product/cli-*.sock; do
      [ -S "$s" ] || continue
      rm -f "$s"
      while pgrep -f "cli.socket=$s" >/dev/null; do sleep 0.1; done
    done
    t0=$(now_ms); "$CLI" platforms >/dev/null 2>&1; t1=$(now_ms); echo $((t1 - t0))
  done
}
printf '%-34s %s\n' "platforms, starting the server" "$(ratio "$(first | median)")"
