#!/usr/bin/env bash
# Opens every part of the real product on laptop screens, in Dutch, and fails when something is
# cut off: a one-line label or button narrower than its text, a control sticking out of its
# part, a table that needs a horizontal scroll bar (LayoutCheck in the ui bundle). It runs the
# workbench in screenshot mode (ScreenshotAddon, in the org.vindplaats.ui.diagnostics bundle: it
# walks through the perspectives and parts, saves a picture of each and the layout report) at
# 1366x768 and 1280x800. Called by 'mvn verify' (releng/org.vindplaats.repository/pom.xml) after
# the products are built.
# Needs Xvfb; without it it says so and skips, unless VINDPLAATS_REQUIRE_UI_CHECKS=1 (set by .ci/run).
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
LAUNCHER=${VINDPLAATS_LAUNCHER:-$ROOT/vindplaats}
SIZES=${VINDPLAATS_LAYOUT_SIZES:-1366x768 1280x800}

if ! command -v Xvfb >/dev/null 2>&1; then
  if [ "${VINDPLAATS_REQUIRE_UI_CHECKS:-0}" = 1 ]; then
    echo "workbench-layout: FAIL: Xvfb is missing (apt-get install xvfb)" >&2
    exit 1
  fi
  echo "workbench-layout: SKIPPED, Xvfb is missing (apt-get install xvfb)" >&2
  exit 0
fi

work=$(mktemp -d)
xvfb=
failures=0
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  [ "$failures" -gt 0 ] || rm -rf "$work"   # kept for a look when something failed
}
trap cleanup EXIT

n=90
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1440x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
sleep 1

# A clean user with the example city chosen, so the policy banners and columns show.
export HOME="$work/home" LANG=nl_NL.UTF-8 VINDPLAATS_LANG=nl
unset XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME VINDPLAATS_WORKSPACE VINDPLAATS_PLUGINS
mkdir -p "$HOME"
[ -n "${VINDPLAATS_LAUNCHER:-}" ] || touch "$ROOT/releng/org.vindplaats.repository/target/products/.built"   # built by the calling Maven run
"$LAUNCHER" organisation use stad-voorbeeld >/dev/null 2>&1 || true

for size in $SIZES; do
  out="$work/$size"
  mkdir -p "$out"
  DISPLAY=":$n" VINDPLAATS_SCREEN="$size" VINDPLAATS_SCREENSHOTS="$out" timeout 300 "$LAUNCHER" >"$out/workbench.log" 2>&1
  if [ ! -f "$out/layout-report.txt" ]; then
    tail -n 20 "$out/workbench.log" >&2
    echo "workbench-layout: FAIL: $size: the workbench wrote no layout report" >&2
    failures=$((failures + 1))
  elif [ -s "$out/layout-report.txt" ]; then
    echo "workbench-layout: FAIL: $size (nl): cut off or needing a horizontal scroll bar:" >&2
    sed 's/^/  /' "$out/layout-report.txt" >&2
    failures=$((failures + 1))
  else
    echo "workbench-layout: $size (nl): $(ls "$out"/*.png | wc -l) parts, nothing cut off"
  fi
done
if [ "$failures" -gt 0 ]; then
  echo "workbench-layout: pictures and logs are in $work" >&2
  exit 1
fi
