#!/usr/bin/env bash
# Presses the workbench's promised shortcuts in the real product, as a worker would: ./vindplaats
# on a 1366x768 X server with a window manager, Dutch locale, keys sent through the X server
# (xdotool). Each shortcut must visibly do something: a dialog opens (F1, Ctrl+I, Ctrl+E), the screen
# changes (Ctrl+1/2/3, Ctrl+N, Ctrl+F, Ctrl+M), a typed note is saved (Ctrl+S) or the program
# ends (Ctrl+Q), but never with unsaved work without asking (Ctrl+Q or closing the window); typed work survives a SIGKILL. Called by 'mvn verify'
# (releng/org.vindplaats.repository/pom.xml) after the products are built.
# Needs Xvfb, openbox, xdotool and ImageMagick; without them it says so and skips, unless
# VINDPLAATS_REQUIRE_UI_CHECKS=1 (set by .ci/run), when missing tools fail the build.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
# Another launcher to check (e.g. a copy of an older product); by default this checkout's.
LAUNCHER=${VINDPLAATS_LAUNCHER:-$ROOT/vindplaats}

missing=()
for tool in Xvfb openbox xdotool import compare; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "${VINDPLAATS_REQUIRE_UI_CHECKS:-0}" = 1 ]; then
    echo "workbench-keys: FAIL: missing ${missing[*]} (apt-get install xvfb openbox xdotool imagemagick)" >&2
    exit 1
  fi
  echo "workbench-keys: SKIPPED, missing ${missing[*]} (apt-get install xvfb openbox xdotool imagemagick)" >&2
  exit 0
fi

work=$(mktemp -d)
pids=()
failures=0
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  [ "$failures" -gt 0 ] || rm -rf "$work"   # kept for a look when something failed
}
trap cleanup EXIT

# A free display number.
n=90
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
export DISPLAY=":$n"
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.2; done
openbox >"$work/openbox.log" 2>&1 &
pids+=($!)
sleep 1

fail() { echo "workbench-keys: FAIL: $*" >&2; failures=$((failures + 1)); }
shot() { import -window root "$work/$1.png" 2>/dev/null; }
# Number of pixels that differ between two screenshots.
diff_px() { compare -metric AE "$work/$1.png" "$work/$2.png" null: 2>&1 | awk '{print int($1)}'; }
main_window() { xdotool search --onlyvisible --name '^Vindplaats *$' 2>/dev/null | head -n 1; }
other_windows() { xdotool search --onlyvisible --name '.' getwindowname %@ 2>/dev/null | grep -v '^Vindplaats *$' | sort -u; }
focus_main() { xdotool windowactivate --sync "$(main_window)" >/dev/null 2>&1; sleep 0.5; }

home="$work/home"
mkdir -p "$home"
export HOME="$home" LANG=nl_NL.UTF-8 VINDPLAATS_LANG=nl
unset XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME VINDPLAATS_WORKSPACE VINDPLAATS_PLUGINS
[ -n "${VINDPLAATS_LAUNCHER:-}" ] || touch "$ROOT/releng/org.vindplaats.repository/target/products/.built"   # built by the calling Maven run
start_workbench() {
  "$LAUNCHER" >>"$work/workbench.log" 2>&1 &
  app=$!
  pids+=($app)
  for _ in $(seq 120); do [ -n "$(main_window)" ] && break; sleep 0.5; done
  if [ -z "$(main_window)" ]; then
    cat "$work/workbench.log" >&2
    echo "workbench-keys: FAIL: the workbench window did not appear" >&2
    exit 1
  fi
  sleep 5   # the first view fills in (catalog read in a job)
  focus_main
}
start_workbench

# A dialog opens (and Escape closes it).
expect_dialog() { # key, what
  local before after
  before=$(other_windows)
  xdotool key "$1"
  for _ in $(seq 20); do
    after=$(other_windows)
    [ "$after" != "$before" ] && break
    sleep 0.5
  done
  if [ "$after" = "$before" ]; then
    fail "$1 ($2) opened no window"
  else
    local title
    title=$(comm -13 <(echo "$before") <(echo "$after") | head -n 1)
    echo "workbench-keys: $1 opened \"$title\""
    case "$title" in *"&"*) fail "$1: the dialog title shows a mnemonic: \"$title\"" ;; esac
  fi
  xdotool key Escape
  sleep 1
  focus_main
}

# The screen changes (a perspective or part comes to the front).
expect_change() { # key, what, from-shot, to-shot
  shot "$3"
  xdotool key "$1"
  # Polled, not a fixed wait: a busy machine may take longer to paint.
  local d=0
  for _ in $(seq 20); do
    sleep 0.5
    shot "$4"
    d=$(diff_px "$3" "$4")
    [ "${d:-0}" -ge 2000 ] && break
  done
  sleep 1   # let the rest of the paint finish before the next step
  shot "$4"
  d=$(diff_px "$3" "$4")
  if [ "${d:-0}" -lt 2000 ]; then
    fail "$1 ($2) changed nothing on the screen ($d pixels)"
  else
    echo "workbench-keys: $1 ($2) changed $d pixels"
  fi
}

expect_dialog F1 "over Vindplaats"
expect_change ctrl+2 "Signaleren" start signal
expect_change ctrl+3 "Beheer" signal manage
expect_change ctrl+1 "Oriënteren" manage orient
back=$(diff_px start orient)
away=$(diff_px start signal)
[ "${back:-0}" -lt $(( ${away:-0} / 4 )) ] || fail "ctrl+1 did not bring Oriënteren back (differs $back pixels from the start)"
expect_change ctrl+m "behoeftenkaart" orient needs
focus_main
expect_change ctrl+1 "Oriënteren" needs orient2
expect_change ctrl+n "nieuwe notitie" orient2 newnote
focus_main
xdotool key ctrl+1; sleep 2
expect_change ctrl+f "notities zoeken" orient3 find
focus_main
expect_dialog ctrl+i "notities importeren"
# Export brief: a few letters in the platform filter, Down chooses the first match, Ctrl+E asks.
xdotool key ctrl+1
sleep 2
focus_main
xdotool type --delay 40 "tik"
sleep 1
xdotool key Down
sleep 1
expect_dialog ctrl+e "oriëntatiebrief exporteren"
# The guided orientation on the same platform ("Ik ga online op TikTok").
expect_dialog ctrl+g "ik ga online op"
# Typed work is never lost without a question: Ctrl+Q with an unsaved note asks; Escape stays;
# Ctrl+S saves the note; after another change Ctrl+Q asks again and "Niet opslaan" quits.
wait_window() { # title pattern; prints the title when a window with it appears
  local t
  for _ in $(seq 20); do
    t=$(other_windows | grep -i -- "$1" | head -n 1)
    [ -n "$t" ] && { echo "$t"; return 0; }
    sleep 0.5
  done
  return 1
}
# KEY with unsaved work must ask "Opslaan / Niet opslaan / Annuleren"; Escape (Annuleren) keeps
# the workbench and the typed work.
asks_and_stays() { # key, what
  local title
  xdotool key "$1"
  if title=$(wait_window "opgeslagen"); then
    echo "workbench-keys: $2 with unsaved work asked \"$title\""
    xdotool key Escape
    sleep 1
    kill -0 "$app" 2>/dev/null || fail "Annuleren (Escape) after $2 ended the workbench: the typed work was lost"
  else
    fail "$2 with an unsaved note asked nothing"
  fi
}
xdotool key ctrl+n
sleep 3
xdotool type --delay 40 "sneltoetstest"
sleep 1
asks_and_stays ctrl+q "ctrl+q"
focus_main
xdotool key ctrl+s
for _ in $(seq 20); do
  grep -rqs "sneltoetstest" "$home/.local/share/vindplaats/workspace/notes" && break
  sleep 0.5
done
if grep -rqs "sneltoetstest" "$home/.local/share/vindplaats/workspace/notes"; then
  echo "workbench-keys: ctrl+s saved the typed note"
else
  fail "ctrl+s did not save the typed note"
fi
xdotool type --delay 40 " twee"
sleep 1
# Closing the window (the window manager's close, as the X in the title bar) asks too, and so
# does starting a new note (Ctrl+N) over the unsaved one.
focus_main
asks_and_stays alt+F4 "closing the window"
focus_main
asks_and_stays ctrl+n "ctrl+n"
focus_main
xdotool key ctrl+q
if wait_window "opgeslagen" >/dev/null; then
  xdotool key alt+n   # Niet opslaan
else
  fail "ctrl+q after another change asked nothing"
fi
for _ in $(seq 30); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$app" 2>/dev/null; then
  echo "workbench-keys: windows left: $(other_windows | tr '\n' ' ')" >&2
  fail "ctrl+q and \"Niet opslaan\" did not end the workbench"
else
  echo "workbench-keys: ctrl+q and \"Niet opslaan\" ended the workbench"
  grep -rqs "sneltoetstest twee" "$home/.local/share/vindplaats/workspace/notes" \
    && fail "\"Niet opslaan\" saved the change anyway"
  # The change was typed seconds ago, so it was in the draft: dropped on purpose, the draft goes
  # too (the next start used to offer it back as if the workbench had crashed).
  grep -qs "sneltoetstest twee" "$home/.local/share/vindplaats/workspace/drafts/editor.md" \
    && fail "\"Niet opslaan\" left the dropped change as a draft the next start offers back"
fi

# A crash keeps typed work: a note typed and never saved is in the workspace's draft a few
# seconds later; after SIGKILL the next start shows the Note part offering it back.
notes_dir="$home/.local/share/vindplaats/workspace"
start_workbench
xdotool key ctrl+n
sleep 3
xdotool type --delay 40 "crashtest"
for _ in $(seq 30); do grep -qs "crashtest" "$notes_dir/drafts/editor.md" && break; sleep 0.5; done
if ! grep -qs "crashtest" "$notes_dir/drafts/editor.md"; then
  fail "the typed note was not kept as a draft"
fi
kill -9 "$app" 2>/dev/null
wait "$app" 2>/dev/null
start_workbench
xdotool key alt+t   # Terughalen
sleep 1
xdotool key ctrl+s
for _ in $(seq 20); do grep -rqs "crashtest" "$notes_dir/notes" && break; sleep 0.5; done
if grep -rqs "crashtest" "$notes_dir/notes"; then
  echo "workbench-keys: after SIGKILL the next start offered the draft back and ctrl+s saved it"
else
  fail "after SIGKILL the typed note could not be continued and saved (no note with \"crashtest\")"
fi
# The editor removes the draft right after the save is written: wait for that like for the note.
for _ in $(seq 20); do [ -e "$notes_dir/drafts/editor.md" ] || break; sleep 0.5; done
[ -e "$notes_dir/drafts/editor.md" ] && fail "the draft is still there after the note was saved"
# The window layout is kept between starts: Beheer at the end is Beheer at the next start.
xdotool key ctrl+3
sleep 2
shot before_quit
xdotool key ctrl+q
for _ in $(seq 30); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
kill -0 "$app" 2>/dev/null && fail "ctrl+q with nothing unsaved did not end the workbench"
start_workbench
shot restarted
kept=$(diff_px before_quit restarted)
fresh=$(diff_px start restarted)
if [ "${kept:-0}" -lt $(( ${fresh:-0} / 4 )) ]; then
  echo "workbench-keys: the layout was kept between starts ($kept pixels differ, $fresh from a fresh start)"
else
  fail "the window layout was not kept between starts ($kept pixels differ from before quitting, $fresh from a fresh start)"
fi
xdotool key ctrl+q
for _ in $(seq 30); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done

if [ "$failures" -gt 0 ]; then
  echo "workbench-keys: $failures shortcut(s) did nothing; screenshots and logs were in $work" >&2
  tail -n 20 "$work/workbench.log" >&2
  exit 1
fi
echo "workbench-keys: every shortcut works in the product (1366x768, nl)"
