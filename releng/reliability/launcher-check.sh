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

if [ "$failures" -gt 0 ]; then
  echo "launcher-check: $failures problem(s)" >&2
  exit 1
fi
echo "launcher-check: user folders follow \$HOME and XDG (3 runs of ./vindplaats)"
