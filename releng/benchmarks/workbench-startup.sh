#!/usr/bin/env bash
# Times the workbench from process start until its window is usable (cold JVM each run, same
# configuration area), next to 'java -version' and a minimal SWT window on the same JDK in the
# same run, and prints medians and ratios.
#
# "Usable": the main window is shown, the Platforms table has its rows, and the event loop is
# idle (every queued event dispatched, every pending paint done). The workbench's start-up probe
# (-Dvindplaats.startupProbe=<file>, StartupProbeAddon in the org.vindplaats.ui.diagnostics
# bundle) writes that moment to a file and, with -Dvindplaats.startupProbe.exit=true, closes the
# workbench. The SWT baseline (swt-baseline/SwtBaseline.java, run with the product's SWT jar)
# applies the same test to a bare shell with a 40-row table, so the ratio says what the workbench
# adds on top of SWT itself.
#
# Runs as a clean user (temporary XDG folders); one untimed start first creates the configuration
# area (and warms the disk cache), as a user's first start does. Its Xvfb is started once, outside
# the timings.
# Usage: releng/benchmarks/workbench-startup.sh [runs]   (default 9)   Needs: xvfb
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-9}
. "$ROOT/.mvn/find-jdk.sh"
JAVA="$JAVA_HOME/bin/java"
UI_HOME="$ROOT/releng/org.vindplaats.repository/target/products/org.vindplaats.product/linux/gtk/x86_64"

if ! command -v Xvfb >/dev/null 2>&1; then
  echo "workbench-startup: Xvfb is needed (apt-get install xvfb)" >&2
  exit 2
fi
"$ROOT/vindplaats" platforms >/dev/null   # builds the products if needed, warms the disk cache

TMP=$(mktemp -d)
XVFB_PID=
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
export XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache"
unset VINDPLAATS_PLUGINS JAVA_TOOL_OPTIONS

n=90
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1400x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
export DISPLAY=":$n"
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done

now_ms() { date +%s%N | cut -c1-13; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
value() { sed -n "s/^$1=//p" "$2"; }

# One start of a program that writes usable_ms=<epoch ms> to $PROBE: prints "wall_ms jvm_ms total_ms cpu_ms"
# (process start -> usable, JVM start -> usable, process start -> exit, CPU time of all threads
# until usable: what the start costs, whatever else the machine is doing).
PROBE="$TMP/probe"
probe_once() {
  rm -f "$PROBE"
  t0=$(now_ms)
  if ! timeout 180 "$@" >"$TMP/run.log" 2>&1; then
    cat "$TMP/run.log" >&2
    echo "workbench-startup: '$*' failed or timed out; its output is above." >&2
    exit 1
  fi
  t2=$(now_ms)
  if [ ! -s "$PROBE" ] || [ -z "$(value usable_ms "$PROBE")" ]; then
    cat "$TMP/run.log" "$PROBE" >&2 2>/dev/null || true
    echo "workbench-startup: no usable_ms in the probe file $PROBE after '$*'; see the output above." >&2
    exit 1
  fi
  t1=$(value usable_ms "$PROBE")
  j=$(value jvm_start_ms "$PROBE")
  cpu=$(value cpu_ms "$PROBE")
  echo "$((t1 - t0)) $([ -n "$j" ] && echo $((t1 - j)) || echo -) $((t2 - t0)) ${cpu:--}"
}
measure() { for _ in $(seq "$RUNS"); do probe_once "$@"; done; }
col() { awk -v c="$1" '{print $c}'; }

# The SWT baseline, compiled once with the product's own SWT.
SWT_JAR=$(ls "$UI_HOME"/plugins/org.eclipse.swt.gtk.linux.x86_64_*.jar | head -n 1)
"$JAVA_HOME/bin/javac" -d "$TMP/swt" -cp "$SWT_JAR" "$ROOT/releng/benchmarks/swt-baseline/SwtBaseline.java"
# Same JVM flags as ./vindplaats, so only what runs differs.
swt=("$JAVA" -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$SWT_JAR:$TMP/swt" SwtBaseline "$PROBE")
workbench=(env JAVA_TOOL_OPTIONS="-Dvindplaats.startupProbe=$PROBE -Dvindplaats.startupProbe.exit=true" "$ROOT/vindplaats")

first=$(probe_once "${workbench[@]}" | col 1)   # fresh configuration area: not part of the medians
probe_once "${swt[@]}" >/dev/null                # SWT unpacks its native libraries on first use

base=$(for _ in $(seq "$RUNS"); do t0=$(now_ms); "$JAVA" -version >/dev/null 2>&1; echo $(($(now_ms) - t0)); done | median)
swt_runs=$(measure "${swt[@]}")
wb_runs=$(measure "${workbench[@]}")
swt_med=$(echo "$swt_runs" | col 1 | median)
wb_med=$(echo "$wb_runs" | col 1 | median)
wb_jvm=$(echo "$wb_runs" | col 2 | median)
wb_exit=$(echo "$wb_runs" | col 3 | median)
wb_cpu=$(echo "$wb_runs" | col 4 | median)

echo "runs: $RUNS, JDK: $("$JAVA" -version 2>&1 | head -n 1), load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
echo "baseline 'java -version':                  ${base} ms (median)"
echo "baseline SWT shell + 40-row table, idle:   ${swt_med} ms (median)"
echo "workbench './vindplaats' to usable window: ${wb_med} ms (median; runs: $(echo "$wb_runs" | col 1 | tr '\n' ' '))"
echo "  of which after the JVM started:          ${wb_jvm} ms (median)"
echo "  until the process exited again:          ${wb_exit} ms (median)"
echo "  CPU time until usable (all threads):     ${wb_cpu} ms (median)"
echo "  first start (new configuration area):    ${first} ms"
awk -v a="$wb_med" -v b="$base" -v s="$swt_med" \
  'BEGIN { printf "ratio: %.1fx the bare JVM start, %.1fx the bare SWT window\n", a / b, a / s }'
