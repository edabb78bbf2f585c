#!/usr/bin/env bash
# Saves a PNG of every part of the workbench, for the README and for checking layouts by eye:
#   docs/screenshots/*.png         English, normal text size, a 1366x768 laptop screen
#   docs/screenshots/nl/*.png      Dutch, the same screen
#   docs/screenshots/nl-125/*.png  Dutch with text scaled to 125% (GDK_DPI_SCALE), to catch cut-off words
# It starts the real workbench under Xvfb in screenshot mode (VINDPLAATS_SCREENSHOTS=<dir>: the
# workbench switches through the perspectives and parts, saves the window with GC.copyArea, exits).
# Runs as a clean user (temporary XDG folders), with an organisation chosen so the policy shows.
# Usage: releng/screenshots.sh [output-folder]      Needs: xvfb (apt-get install xvfb)
set -euo pipefail
ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
OUT=${1:-$ROOT/docs/screenshots}
PARTS="platforms platform-detail method compare trend-notes note-editor needs-map inbox plugins plugins-repositories organisation"

if ! command -v Xvfb >/dev/null 2>&1; then
  echo "screenshots: Xvfb is needed (apt-get install xvfb)" >&2
  exit 2
fi

TMP=$(mktemp -d)
XVFB_PID=
cleanup() {
  [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
export XDG_DATA_HOME="$TMP/data" XDG_CACHE_HOME="$TMP/cache"
unset VINDPLAATS_PLUGINS

# The launcher builds the products first when they are missing or older than the sources.
"$ROOT/vindplaats" plugins >/dev/null

# A free display number.
n=90
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1

# A fresh user per run (the sample notes arrive in the UI's language on a first start), with an
# organisation chosen so the banners and the policy colours show: the shipped example city if it
# is there, else the first organisation plugin.
fresh_user() { # name
  export XDG_DATA_HOME="$TMP/$1/data" XDG_CACHE_HOME="$TMP/$1/cache" XDG_CONFIG_HOME="$TMP/$1/config"
  orgs=$("$ROOT/vindplaats" organisations --format json | grep -o '"id" *: *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' || true)
  org=$(printf '%s\n' $orgs | grep -x 'stad-voorbeeld' || printf '%s\n' $orgs | head -n 1)
  [ -n "$org" ] && "$ROOT/vindplaats" organisation use "$org" >/dev/null
  return 0
}

shoot() { # folder, language, extra environment
  dir=$1; lang=$2; shift 2
  fresh_user "$(basename "$dir")"
  mkdir -p "$dir"
  for p in $PARTS; do rm -f "$dir/$p.png"; done
  env "$@" DISPLAY=":$n" VINDPLAATS_LANG="$lang" VINDPLAATS_SCREENSHOTS="$dir" timeout 240 "$ROOT/vindplaats" \
    >"$TMP/workbench-$lang.log" 2>&1 || { cat "$TMP/workbench-$lang.log" >&2; echo "screenshots: the workbench failed" >&2; exit 1; }
  for p in $PARTS; do
    [ -s "$dir/$p.png" ] || { cat "$TMP/workbench-$lang.log" >&2; echo "screenshots: $dir/$p.png is missing" >&2; exit 1; }
  done
  echo "screenshots: $dir ($lang): $PARTS"
}

shoot "$OUT" en GDK_DPI_SCALE=1
shoot "$OUT/nl" nl GDK_DPI_SCALE=1
shoot "$OUT/nl-125" nl GDK_DPI_SCALE=1.25
