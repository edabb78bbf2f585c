#!/usr/bin/env bash
# The team hub end to end with the built product (./vindplaats) against a real SolrCloud
# (solrcloud.sh: ZooKeeper and 2 Solr nodes in their own processes):
#   hub setup     configset with word lists from the plugins, collections, accounts, access rules
#   hub connect   checks address, account and collection before storing anything
#   hub push      sends the notes, sends nothing the second time, resumes after a broken push,
#                 keeps notes with personal data at home, removes deleted notes in the hub
#   hub status    reachable or not, in plain words; the outbox
#   search --hub  the team's notes with Dutch stemming and compound parts, the local field names,
#                 facets, highlighting, phenomena and similar notes; the knowledge centre's search
# and that Solr itself enforces access: team B's account cannot read team A's collection with a
# raw HTTP request, the knowledge centre reads only the shared collection, a team cannot change
# its collection's configuration; a wrong password and an unreachable hub get a clear sentence.
#   releng/hub/hub-check.sh     (jars cached in ~/.cache/vindplaats-hub/lib; the product is built if needed)
set -euo pipefail
HUB=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HUB/../.." && pwd)
export SOLRCLOUD_LIB=${SOLRCLOUD_LIB:-$HOME/.cache/vindplaats-hub/lib}
export SOLRCLOUD_ZK_PORT=${SOLRCLOUD_ZK_PORT:-29983} SOLRCLOUD_BASE_PORT=${SOLRCLOUD_BASE_PORT:-28983}
DIR=$(mktemp -d)
failures=0
cleanup() { "$HUB/solrcloud.sh" stop "$DIR/cluster" >/dev/null 2>&1 || true; [ "$failures" -gt 0 ] || rm -rf "$DIR"; }
trap cleanup EXIT
fail() { echo "hub-check: FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "hub-check: $*"; }

"$HUB/solrcloud.sh" start "$DIR/cluster" --nodes 2 >"$DIR/cluster.log" 2>&1 || { cat "$DIR/cluster.log" >&2; exit 1; }
URL="http://127.0.0.1:$SOLRCLOUD_BASE_PORT/solr"
export HOME="$DIR/home" LANG=C.UTF-8 VINDPLAATS_LANG=en
unset VINDPLAATS_WORKSPACE VINDPLAATS_PLUGINS XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
cd "$DIR"
V="$ROOT/vindplaats"

# Notes: the dev set's first 40, one of them with personal data kept on purpose.
head -n 40 "$ROOT/bundles/org.vindplaats.testing/testdata/eval-dev/notes.jsonl" >notes.jsonl
"$V" notes import --workspace ws notes.jsonl --ack >/dev/null 2>&1 || fail "import failed"
printf '%s\n' '{"id":"pii-1","title":"Afspraak met Sanne","body":"Sanne (06 12345678) vroeg om terug te bellen over de groepsapp.","observed":"2026-11-20","lang":"nl"}' >pii.jsonl
"$V" notes import --workspace ws pii.jsonl --keep-pii --ack >/dev/null 2>&1 || fail "import with --keep-pii failed"
grep -q "12345678" ws/notes/pii-1* 2>/dev/null || fail "the kept personal data is not in the note"

"$V" hub setup "$URL" --admin-password-file cluster/admin-password --teams noord,zuid --knowledge-centre kc \
  --passwords pw >setup.out 2>setup.err || fail "hub setup failed: $(cat setup.err)"
grep -q "team_noord, team_zuid, shared" setup.out && ok "setup made the collections" || fail "setup: $(cat setup.out)"
# Two copies of every shard: the leader indexes, the second copy (a TLOG replica) fetches its segments.
types=$(curl -fsS -u "admin:$(cat cluster/admin-password)" "$URL/admin/collections?action=CLUSTERSTATUS&wt=json" \
  | grep -o '"type":"[A-Z]*"' | sort | uniq -c | tr -s ' ' | paste -sd' ')
[ "$types" = ' 8 "type":"TLOG"' ] && ok "every collection keeps two TLOG copies of each shard" || fail "replica types: $types"
[ "$(stat -c %a pw/team-noord.password)" = 600 ] || fail "a password file is not owner-only"
"$V" hub setup "$URL" --admin-password-file cluster/admin-password --teams noord,zuid --knowledge-centre kc \
  --passwords pw >/dev/null 2>setup2.err || fail "setup a second time failed: $(cat setup2.err)"

# A wrong password: a sentence that names the user and the file, nothing stored.
echo "not-the-password" >wrong.password
rc=0; "$V" hub connect "$URL" --team noord --user team-noord --password-file wrong.password --workspace ws >wrong.out 2>&1 || rc=$?
[ "$rc" = 4 ] && grep -q 'refused user "team-noord"' wrong.out && ok "a wrong password is named" || fail "wrong password: rc $rc, $(cat wrong.out)"
[ ! -e ws/hub.json ] || fail "a refused connection was stored"

"$V" hub connect "$URL" --team noord --user team-noord --password-file pw/team-noord.password --workspace ws >connect.out 2>&1 \
  || fail "connect failed: $(cat connect.out)"
[ "$(stat -c %a ws/hub.json)" = 600 ] || fail "hub.json is not owner-only"
! grep -q "$(cat pw/team-noord.password)" ws/hub.json || fail "the password was copied into hub.json"

# The note with personal data kept on purpose stays here.
"$V" hub push --workspace ws >push1.out 2>push1.err || fail "push failed: $(cat push1.err)"
grep -q "^Sent 40 notes.*; 1 kept here" push1.out && ok "pushed: $(head -n 1 push1.out)" || fail "first push: $(cat push1.out)"
"$V" hub push --workspace ws >push2.out 2>&1 || fail "second push failed"
grep -q "^Sent 0 notes and removed 0" push2.out && ok "a second push sends nothing" || fail "second push: $(cat push2.out)"

# A push that broke half way (the log of what the hub accepted lost its last lines): it resumes
# and the hub holds every note exactly once.
head -n 25 ws/hub-sent.log >ws/hub-sent.tmp && mv ws/hub-sent.tmp ws/hub-sent.log
"$V" hub push --workspace ws >push3.out 2>&1 || fail "resumed push failed"
grep -q "^Sent 15 notes" push3.out && ok "a broken push resumes: $(grep '^Sent' push3.out)" || fail "resume: $(cat push3.out)"
count() { curl -fsS -u "$1" --get --data-urlencode "q=${3:-*:*}" --data-urlencode rows=0 --data-urlencode wt=json ${4:+--data-urlencode "$4"} "$URL/$2/select" | grep -o '"numFound":[0-9]*' | cut -d: -f2; }
# What a collection holds as seen within 10 s of a push: every shard's second copy is a TLOG
# replica, which fetches the leader's segments about every second (HubSetup, solrconfig.xml), and
# a search may be answered by either copy. So the wait asks the second copies (Solr's
# shards.preference=replica.leader:false): once they hold it, every copy does, and the searches
# after it see the same whichever copy answers (asking any copy, a wait could end on the leader
# and the next search find nothing on the second copy, as happened in CI).
count_soon() { # expected user collection [query]
  local n
  for _ in $(seq 50); do n=$(count "$2" "$3" "${4:-*:*}" shards.preference=replica.leader:false); [ "$n" = "$1" ] && break; sleep 0.2; done
  echo "$n"
}
N="team-noord:$(cat pw/team-noord.password)"
Z="team-zuid:$(cat pw/team-zuid.password)"
K="kc:$(cat pw/kc.password)"
[ "$(count_soon 40 "$N" team_noord)" = 40 ] && ok "the hub holds the 40 notes once" || fail "the hub holds $(count "$N" team_noord) notes"
[ "$(count "$N" team_noord 'id:pii-1')" = 0 ] && ok "the note with kept personal data is not in the hub" || fail "pii-1 reached the hub"
rc=0; "$V" hub share pii-1 --workspace ws >share-pii.out 2>&1 || rc=$?
[ "$rc" = 5 ] && grep -q "pii-1" share-pii.out && ! grep -qx "pii-1" ws/hub-shared.txt 2>/dev/null \
  && ok "hub share refuses the note with kept personal data and names it (exit 5)" || fail "hub share pii-1: rc $rc, $(cat share-pii.out)"

# A note deleted here goes from the hub at the next push.
first=$(head -n 1 notes.jsonl | sed 's/.*"id": *"\([^"]*\)".*/\1/')
rm -f "ws/notes/$first.json" "ws/notes/$first".*
"$V" hub push --workspace ws >push4.out 2>&1 || fail "push after a delete failed"
grep -q "removed 1" push4.out && [ "$(count_soon 39 "$N" team_noord)" = 39 ] && ok "a deleted note is removed from the hub" \
  || fail "delete: $(cat push4.out), hub $(count "$N" team_noord)"

# The same note id from a second workspace (a colleague's copy, edited): detected through Solr's
# optimistic concurrency and the note's origin, never silently overwritten.
second=$(sed -n 2p notes.jsonl | sed 's/.*"id": *"\([^"]*\)".*/\1/')
printf '{"id":"%s","title":"Andere versie","body":"Door een collega anders beschreven.","observed":"2026-11-22","lang":"nl"}\n' "$second" >other.jsonl
"$V" notes import --workspace ws2 other.jsonl --ack >/dev/null 2>&1 || fail "import into the second workspace failed"
"$V" hub connect "$URL" --team noord --user team-noord --password-file pw/team-noord.password --workspace ws2 >/dev/null 2>&1 \
  || fail "connecting the second workspace failed"
"$V" hub push --workspace ws2 >conflict.out 2>&1 || fail "push from the second workspace failed: $(cat conflict.out)"
grep -q "not overwritten: $second" conflict.out && ok "an edit of the same note from another workspace is a conflict, not an overwrite" \
  || fail "conflict: $(cat conflict.out)"
! curl -fsS -u "$N" "$URL/team_noord/get?id=$second&fl=title" | grep -q "Andere versie" || fail "the other workspace overwrote the note"
# The conflict stays visible and is settled by keeping both: the second workspace's note gets a
# new id, its next push sends it, the first workspace's note stays as it was.
"$V" hub status --workspace ws2 >conflict-status.out 2>&1 || true
grep -q "$second" conflict-status.out && grep -q "hub settle" conflict-status.out \
  && ok "hub status names the conflict and how to settle it" || fail "status after a conflict: $(cat conflict-status.out)"
rc=0; "$V" hub settle "$(sed -n 3p notes.jsonl | sed 's/.*"id": *"\([^"]*\)".*/\1/')" --workspace ws2 >notconflict.out 2>&1 || rc=$?
[ "$rc" = 2 ] && ok "settling a note that is not in conflict is refused" || fail "settle without conflict: rc $rc, $(cat notconflict.out)"
"$V" hub settle "$second" --workspace ws2 >settle.out 2>&1 || fail "settle failed: $(cat settle.out)"
settled=$(sed -n 's/.* is now \([^ .]*\)\..*/\1/p' settle.out)
"$V" hub push --workspace ws2 >settled-push.out 2>&1 || fail "push after settling failed: $(cat settled-push.out)"
[ -n "$settled" ] && ! grep -q "not overwritten" settled-push.out \
  && curl -fsS -u "$N" "$URL/team_noord/get?id=$settled&fl=title" | grep -q "Andere versie" \
  && ! curl -fsS -u "$N" "$URL/team_noord/get?id=$second&fl=title" | grep -q "Andere versie" \
  && ok "hub settle keeps both: the colleague's note as $settled, the first one untouched" \
  || fail "settle: $(cat settle.out) / $(cat settled-push.out)"
rm -f "ws2/notes/$settled.md" && "$V" hub push --workspace ws2 >/dev/null 2>&1 || fail "removing the settled note again failed"
"$V" hub push --workspace ws >push-after.out 2>&1 || fail "the first workspace cannot push any more"

# Settings written before workspaces had an origin: the origin made on first use is kept, so the
# workspace's own notes never come back as another workspace's (a conflict at every edit).
printf '%s\n' '{"id":"oud-1","title":"Oude werkmap","body":"Een notitie uit een oudere werkmap.","observed":"2026-11-20","lang":"nl"}' >old.jsonl
"$V" notes import --workspace ws3 old.jsonl --ack >/dev/null 2>&1 || fail "import into the third workspace failed"
"$V" hub connect "$URL" --team noord --user team-noord --password-file pw/team-noord.password --workspace ws3 >/dev/null 2>&1 \
  || fail "connecting the third workspace failed"
printf '{"url":"%s","team":"noord","user":"team-noord","passwordFile":"%s"}\n' "$URL" "$DIR/pw/team-noord.password" >ws3/hub.json
"$V" hub push --workspace ws3 >old-push1.out 2>&1 || fail "push with settings without an origin failed: $(cat old-push1.out)"
sed 's/oudere werkmap/oudere werkmap, later aangevuld/' old.jsonl >old2.jsonl
"$V" notes import --workspace ws3 old2.jsonl --ack >/dev/null 2>&1 || fail "updating the note in the third workspace failed"
"$V" hub push --workspace ws3 >old-push2.out 2>&1 || fail "second push with settings without an origin failed: $(cat old-push2.out)"
grep -q '"origin"' ws3/hub.json && grep -q "^Sent 1 notes" old-push2.out && ! grep -q "not overwritten" old-push2.out \
  && ok "settings from before origins keep the origin made for them: an edit is sent, not a conflict" \
  || fail "settings without an origin: $(cat old-push1.out old-push2.out)"
rm -f ws3/notes/oud-1.* && "$V" hub push --workspace ws3 >old-push3.out 2>&1 && grep -q "removed 1" old-push3.out \
  || fail "removing the third workspace's note failed: $(cat old-push3.out)"

# Sharing with the knowledge centre is a choice per import or per note; only the knowledge centre
# reads the shared collection, where notes are routed by team.
printf '%s\n' '{"id":"deel-1","title":"Nieuwe challenge in de klasgroep","body":"Een challenge gaat rond in de klasgroepen van het tweede jaar.","observed":"2026-11-21","lang":"nl"}' >share.jsonl
"$V" notes import --workspace ws share.jsonl --share --ack >/dev/null 2>&1 || fail "import --share failed"
"$V" hub push --workspace ws >push5.out 2>&1 || fail "push with a shared note failed: $(cat push5.out)"
grep -q "Shared with the knowledge centre: 1 sent" push5.out && ok "a shared note goes to the shared collection" || fail "share: $(cat push5.out)"
[ "$(count_soon 1 "$K" shared 'id:noord!deel-1')" = 1 ] && ok "the knowledge centre finds it, routed by team (noord!deel-1)" || fail "kc does not find the shared note"
"$V" hub share --off deel-1 --workspace ws >/dev/null 2>&1 || fail "hub share --off failed"
"$V" hub push --workspace ws >push6.out 2>&1 || fail "push after unsharing failed"
[ "$(count_soon 0 "$K" shared)" = 0 ] && ok "a note no longer shared leaves the shared collection" || fail "unshare: $(cat push6.out)"
[ "$(count_soon 40 "$N" team_noord)" = 40 ] || fail "the team collection should hold 40 notes now, holds $(count "$N" team_noord)"

# The knowledge centre connects with its own account and searches the shared collection.
"$V" hub share deel-1 --workspace ws >reshare.out 2>&1 && "$V" hub push --workspace ws >push7.out 2>&1 \
  || fail "sharing again failed: $(cat reshare.out push7.out)"
# Shared anew after being withdrawn: the same id again in the shared collection, seen by the
# knowledge centre within 10 s (its copies take the leader's segments about once a second).
[ "$(count_soon 1 "$K" shared 'id:noord!deel-1')" = 1 ] && ok "a note shared again is back in the shared collection" \
  || fail "shared again, the knowledge centre does not see it: $(cat push7.out)"
"$V" hub connect "$URL" --knowledge-centre kc --user kc --password-file pw/kc.password --workspace kcws >kc.out 2>&1 \
  || fail "the knowledge centre cannot connect: $(cat kc.out)"
"$V" search --hub --workspace kcws --format jsonl --facets klasgroep >kc.jsonl 2>&1 || fail "kc search failed: $(cat kc.jsonl)"
grep -q '"id":"noord!deel-1".*"team":"noord"' kc.jsonl && grep -q '"team":{"noord":1}' kc.jsonl \
  && ok "the knowledge centre searches the shared notes, with the team facet" || fail "kc search: $(cat kc.jsonl)"
"$V" search --hub --workspace kcws --format jsonl --team noord klasgroep >kc-noord.jsonl 2>&1 || fail "kc search --team failed: $(cat kc-noord.jsonl)"
"$V" search --hub --workspace kcws --format jsonl --team zuid klasgroep >kc-zuid.jsonl 2>&1 || fail "kc search --team zuid failed: $(cat kc-zuid.jsonl)"
grep -q '"id":"noord!deel-1"' kc-noord.jsonl && ! grep -q '"id"' kc-zuid.jsonl \
  && ok "search --hub --team: the knowledge centre narrows the shared notes to one team" || fail "--team: $(cat kc-noord.jsonl) / $(cat kc-zuid.jsonl)"
rc=0; "$V" hub push --workspace kcws >kcpush.out 2>&1 || rc=$?
[ "$rc" = 4 ] && grep -q "sends no notes" kcpush.out && ok "the knowledge centre's account sends nothing, and says so" || fail "kc push: rc $rc, $(cat kcpush.out)"
"$V" hub share --off deel-1 --workspace ws >/dev/null 2>&1 && "$V" hub push --workspace ws >/dev/null 2>&1 || fail "unsharing again failed"

"$V" hub status --workspace ws >status.out 2>&1 || fail "status failed: $(cat status.out)"
grep -q "Reachable: 40 notes" status.out && ok "status: $(sed -n 2p status.out)" || fail "status: $(cat status.out)"
"$V" search --hub --workspace ws brugklassen >search.out 2>&1 || fail "search --hub failed: $(cat search.out)"
grep -q "klas" search.out && ok "search --hub: Dutch compounds and stems ($(wc -l <search.out) hits for 'brugklassen')" || fail "search --hub: $(cat search.out)"

"$V" search --hub --workspace ws brugklassen --format jsonl >search.jsonl 2>&1 || fail "search --hub --format jsonl failed"
lines=$(wc -l <search.jsonl); objects=$(grep -c '^{".*}$' search.jsonl || true)
[ "$lines" -gt 0 ] && [ "$lines" = "$objects" ] && ok "search --hub --format jsonl: one hit per line ($lines)" \
  || fail "search --hub --format jsonl is not one object per line: $(head -n 3 search.jsonl)"

# The same query language as local search: field names (Dutch or English), periods, facets,
# highlighted passages, phenomena named in the words, similar notes. A pure filter query finds
# exactly as many notes in the hub as here (the same 40 notes; pii-1 stays here).
jtotal() { grep -o '"total" *: *[0-9]*' "$1" | head -n 1 | grep -o '[0-9]*$' || true; }
for q in "platform:tiktok" "platformen:instagram,snapchat" "taal:en" "na:2025-06-30" "-app:tiktok" "voor:2026-01 taal:nl"; do
  "$V" search --hub --workspace ws --limit 100 --format json -- "$q" >hub.json 2>hub.err || fail "search --hub '$q': $(cat hub.err)"
  lt=$("$V" search --workspace ws --limit 100 --format jsonl -- "$q" 2>/dev/null | { grep -o '"id":"[^"]*"' || true; } | { grep -v -e '"pii-1"' || true; } | wc -l)
  ht=$(jtotal hub.json)
  [ -n "$ht" ] && [ "$ht" = "$lt" ] && [ "$ht" -gt 0 ] && ok "search --hub '$q': $ht notes, as many as local search"     || fail "search --hub '$q': hub $ht, local $lt"
done
"$V" search --hub --workspace ws --facets --format json groepsapp >facets.json 2>&1 || fail "search --hub --facets failed: $(cat facets.json)"
grep -q '"facets"' facets.json && grep -q '"platform"' facets.json && grep -q '"month"' facets.json \
  && ok "search --hub --facets: counts per platform and month" || fail "no facets: $(head -c 400 facets.json)"
grep -q '"highlights" *: *\[ *{' facets.json && ok "search --hub: the found words are marked in the passage" || fail "no highlights: $(head -c 600 facets.json)"
"$V" search --hub --workspace ws --explain grooming >explain.out 2>&1 || fail "search --hub --explain failed: $(cat explain.out)"
grep -qi "grooming" explain.out && ok "search --hub recognises a phenomenon: $(head -n 1 explain.out)" || fail "phenomenon: $(cat explain.out)"
like=$(sed -n 3p notes.jsonl | sed 's/.*"id": *"\([^"]*\)".*/\1/')
"$V" search --hub --workspace ws --like "$like" --format jsonl >like.jsonl 2>&1 || fail "search --hub --like failed: $(cat like.jsonl)"
[ -s like.jsonl ] && ! grep -q "\"id\":\"$like\"" like.jsonl && ok "search --hub --like: $(wc -l <like.jsonl) similar notes, not the note itself" \
  || fail "like: $(head -n 3 like.jsonl)"
rc=0; "$V" search --hub --workspace ws --like pii-1 >like-missing.out 2>&1 || rc=$?
[ "$rc" = 4 ] && grep -q "holds no note with that id" like-missing.out && ok "search --hub --like of a note kept at home says why, in plain words" \
  || fail "like of a note not in the hub: rc $rc, $(cat like-missing.out)"
rc=0; "$V" search --hub --scope shared --workspace ws challenge >scope.out 2>&1 || rc=$?
[ "$rc" = 4 ] && grep -q 'may not use the collection shared' scope.out && ok "a team searching the shared collection is refused in plain words" \
  || fail "team --scope shared: rc $rc, $(cat scope.out)"

# Access as Solr enforces it, by raw HTTP.
code() { curl -s -o /dev/null -w '%{http_code}' -u "$1" "$URL/$2"; }
[ "$(code "$Z" "team_noord/select?q=*:*")" = 403 ] && ok "team zuid cannot read team noord (403)" || fail "team zuid read team noord"
[ "$(code "$K" "team_noord/select?q=*:*")" = 403 ] && ok "the knowledge centre cannot read a team (403)" || fail "kc read a team"
[ "$(code "$K" "shared/select?q=*:*")" = 200 ] && ok "the knowledge centre reads the shared collection" || fail "kc cannot read shared"
[ "$(code "$N" "shared/select?q=*:*")" = 403 ] && ok "a team cannot read the shared collection (403)" || fail "a team read shared"
rc=$(curl -s -o /dev/null -w '%{http_code}' -u "$N" -H 'Content-Type: application/json' \
  -d '{"set-property":{"updateHandler.autoCommit.maxTime":1}}' "$URL/team_noord/config")
[ "$rc" = 403 ] && ok "a team cannot change its collection's configuration (403)" || fail "a team changed its configuration ($rc)"
rc=$(curl -s -o /dev/null -w '%{http_code}' -u "$Z" -H 'Content-Type: application/json' -d '[{"id":"x"}]' "$URL/team_noord/update")
[ "$rc" = 403 ] && ok "team zuid cannot write into team noord (403)" || fail "team zuid wrote into team noord ($rc)"

# The hub goes away: the worker keeps working; status and push say so in plain words.
"$HUB/solrcloud.sh" stop "$DIR/cluster" >/dev/null 2>&1
rc=0; "$V" hub status --workspace ws >down.out 2>&1 || rc=$?
[ "$rc" = 4 ] && grep -q "cannot be reached" down.out && ok "hub down: status says so (exit 4)" || fail "hub down: rc $rc, $(cat down.out)"
"$V" notes list --workspace ws >/dev/null 2>&1 || fail "the workspace does not work without the hub"
rc=0; "$V" hub push --workspace ws >down-push.out 2>&1 || rc=$?
[ "$rc" = 4 ] && grep -q "cannot be reached" down-push.out && ok "hub down: push says so, nothing lost" || fail "push with hub down: $(cat down-push.out)"
grep -q "last push failed" <("$V" hub status --workspace ws 2>&1) && ok "status shows the last error" || fail "status does not show the last error"

if [ "$failures" -gt 0 ]; then
  echo "hub-check: $failures check(s) failed; files in $DIR" >&2
  exit 1
fi
echo "hub-check: OK"
