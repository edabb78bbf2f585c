#!/usr/bin/env bash
# Runs the real launcher (./vindplaats) on the products this build made, as a user would, and
# checks where it keeps the user's files: under $HOME (or the XDG folders) of the run, never under
# the home folder of the password database when HOME says otherwise. Called by 'mvn verify'
# (releng/org.vindplaats.repository/pom.xml) right after the products are materialised.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRODUCTS="$ROOT/releng/org.vindplaats.repository/target/products"
# The products were built by the Maven run that calls this: the launcher must not build them again.
touch "$PRODUCTS/.built"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
real_home=$(getent passwd "$(id -u)" | cut -d: -f6)
marker="$work/marker"
touch "$marker"
sleep 1
failures=0
fail() { echo "launcher-check: FAIL: $*" >&2; failures=$((failures + 1)); }

note="$work/note.md"
printf '# Launcher check\n\nEen korte testnotitie over TikTok, zonder persoonsgegevens.\n' >"$note"

clean_env=(env -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_CONFIG_HOME -u VINDPLAATS_WORKSPACE
  -u VINDPLAATS_PLUGINS -u VINDPLAATS_LANG LANG=C.UTF-8)

# 1. Another HOME: everything goes there.
home="$work/home"
mkdir -p "$home"
if ! "${clean_env[@]}" HOME="$home" "$ROOT/vindplaats" notes import "$note" --ack >"$work/out1" 2>&1; then
  cat "$work/out1" >&2
  fail "notes import with HOME=$home failed"
fi
[ -d "$home/.local/share/vindplaats/workspace" ] || fail "no workspace in \$HOME/.local/share/vindplaats ($(ls -a "$home" | tr '\n' ' '))"
[ -d "$home/.cache/vindplaats" ] || fail "no configuration area in \$HOME/.cache/vindplaats"
if [ -n "$real_home" ] && [ "$real_home" != "$home" ]; then
  touched=$(find "$real_home/.local/share/vindplaats" "$real_home/.cache/vindplaats" "$real_home/.eclipse" \
    -newer "$marker" 2>/dev/null | head -n 5 || true)
  [ -z "$touched" ] || fail "the run with HOME=$home wrote in the real home folder: $touched"
fi
"${clean_env[@]}" HOME="$home" "$ROOT/vindplaats" notes list >"$work/list" 2>&1 || fail "notes list failed: $(cat "$work/list")"
grep -q "Launcher check" "$work/list" || fail "the imported note is not listed: $(cat "$work/list")"

# 1b. What the services log as a warning reaches the terminal (the CLI listens to the Eclipse
# log): a line in the repository list that is not a repository is named with file and line.
printf '# mine\nftp://plugins.example/\n' >"$home/.local/share/vindplaats/repositories.txt"
"${clean_env[@]}" HOME="$home" "$ROOT/vindplaats" repos list >"$work/repos" 2>&1 || true
grep -q "repositories.txt:2: " "$work/repos" || fail "a bad line in the repository list was not reported: $(cat "$work/repos")"
rm -f "$home/.local/share/vindplaats/repositories.txt"

# 2. XDG folders win over HOME; a relative XDG path is ignored (the spec says it is invalid).
xdg="$work/xdg"
"${clean_env[@]}" HOME="$home" XDG_DATA_HOME="$xdg/data" XDG_CACHE_HOME="$xdg/cache" \
  "$ROOT/vindplaats" notes import "$note" --ack >"$work/out2" 2>&1 || fail "import with XDG folders failed: $(cat "$work/out2")"
[ -d "$xdg/data/vindplaats/workspace" ] || fail "XDG_DATA_HOME not used for the workspace"
[ -d "$xdg/cache/vindplaats" ] || fail "XDG_CACHE_HOME not used for the configuration area"
(cd "$work" && "${clean_env[@]}" HOME="$home" XDG_DATA_HOME="relative" "$ROOT/vindplaats" notes list >/dev/null 2>&1) || true
[ ! -e "$work/relative" ] || fail "a relative XDG_DATA_HOME was used"

# 3. The resident CLI server (the launcher starts it with the first command): later commands are
# served by it and answer exactly as a process of its own does; relative paths count from the
# folder the command is typed in; nothing stays locked between commands; a plugin installed by
# another process is seen at once; a client that goes away mid-command leaves it working; it
# stops when idle.
srv="$work/srv"
mkdir -p "$srv/typed"
served() { "${clean_env[@]}" HOME="$srv" "$ROOT/vindplaats" "$@"; }
alone() { "${clean_env[@]}" HOME="$srv" VINDPLAATS_SERVER=off "$ROOT/vindplaats" "$@"; }
served platforms >/dev/null 2>&1 || fail "the first served command failed"
socket=$(ls "$srv"/.cache/vindplaats/org.vindplaats.cli.product/cli-*.sock 2>/dev/null | head -n 1)
[ -S "$socket" ] || fail "no server socket after the first command"
[ "$(stat -c %a "$socket" 2>/dev/null)" = 600 ] || fail "the server socket is not owner-only"
(cd "$srv/typed" && served notes import --workspace ws "$note" --ack >"$work/s-import" 2>&1) \
  || fail "served import failed: $(cat "$work/s-import")"
[ -d "$srv/typed/ws/notes" ] || fail "the served import did not make the workspace where the command was typed"
for args in "platforms" "platform show tiktok --format json" "platforms --bogus" "search --workspace $srv/typed/ws tiktok" \
            "notes list --workspace $srv/typed/ws" "compare tiktok snapchat"; do
  ra=0; rb=0
  # shellcheck disable=SC2086 # the arguments are words
  served $args >"$work/sa" 2>"$work/sa.err" || ra=$?
  # shellcheck disable=SC2086
  alone $args >"$work/sb" 2>"$work/sb.err" || rb=$?
  [ "$ra" = "$rb" ] || fail "'$args': exit code $ra served, $rb alone"
  cmp -s "$work/sa" "$work/sb" || fail "'$args': served output differs: $(diff "$work/sa" "$work/sb" | head -n 5)"
  cmp -s "$work/sa.err" "$work/sb.err" || fail "'$args': served errors differ: $(diff "$work/sa.err" "$work/sb.err" | head -n 5)"
done
# Nothing locked: a process of its own imports into the workspace the server just used.
alone notes import --workspace "$srv/typed/ws" "$note" --ack >"$work/s-again" 2>&1 || fail "import after served commands failed: $(cat "$work/s-again")"
! grep -qi "held\|vergrendeld\|locked" "$work/s-again" || fail "the server kept the index locked: $(cat "$work/s-again")"
# A plugin installed by another process is seen by the next served command.
(cd "$srv" && alone plugin new platform demo-app >/dev/null 2>&1 && alone plugin install demo-app >/dev/null 2>&1) \
  || fail "could not install a scaffolded plugin"
served platforms >"$work/s-plugins" 2>&1
grep -q "^demo-app" "$work/s-plugins" || fail "the server did not see the plugin another process installed"
# The client goes away mid-command: the server stays and answers the next one.
awk 'BEGIN { for (i = 0; i < 3000; i++) printf "{\"id\":\"c%d\",\"title\":\"Notitie %d over TikTok\",\"body\":\"Een korte notitie over een trend op TikTok.\",\"observed\":\"2026-11-01\",\"lang\":\"nl\"}\n", i, i }' >"$work/many.jsonl"
served notes import --workspace "$srv/many" "$work/many.jsonl" --ack >/dev/null 2>&1 &
sleep 0.5
pkill -TERM -f "CliClient $socket" 2>/dev/null || true
wait 2>/dev/null || true
for _ in $(seq 50); do served platforms >/dev/null 2>&1 && break; sleep 0.2; done
served platforms >"$work/s-after" 2>&1 || fail "the server did not answer after a client went away: $(cat "$work/s-after")"
alone notes list --workspace "$srv/many" >/dev/null 2>&1 || fail "the workspace of the interrupted import does not open"
# Idle: it stops by itself.
idle="$work/idle"
mkdir -p "$idle"
"${clean_env[@]}" HOME="$idle" VINDPLAATS_SERVER_IDLE=2 "$ROOT/vindplaats" platforms >/dev/null 2>&1 || fail "served platforms failed"
sleep 5
! ls "$idle"/.cache/vindplaats/org.vindplaats.cli.product/cli-*.sock >/dev/null 2>&1 || fail "the idle server did not stop"

if [ "$failures" -gt 0 ]; then
  echo "launcher-check: $failures problem(s)" >&2
  exit 1
fi
echo "launcher-check: user folders follow \$HOME and XDG; the resident CLI server answers as a process of its own"
