#!/usr/bin/env bash
# The team hub under a fault, with the built product against a real 3-node SolrCloud: the node
# that holds the leader of the team's collection is killed with SIGKILL during a push of N notes
# (default 100 000). Search keeps answering from the other replica, the push goes on or resumes
# where it stopped, and afterwards the hub holds exactly the workspace's notes: every id once, none
# lost. Prints the figures; exit 1 on any loss. Not part of mvn verify (it takes minutes).
#   releng/hub/hub-faults.sh [notes]
set -euo pipefail
HUB=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HUB/../.." && pwd)
N=${1:-100000}
export SOLRCLOUD_LIB=${SOLRCLOUD_LIB:-$HOME/.cache/vindplaats-hub/lib}
export SOLRCLOUD_ZK_PORT=${SOLRCLOUD_ZK_PORT:-39983} SOLRCLOUD_BASE_PORT=${SOLRCLOUD_BASE_PORT:-38983}
DIR=$(mktemp -d)
trap '"$HUB/solrcloud.sh" stop "$DIR/cluster" >/dev/null 2>&1 || true' EXIT
failures=0
fail() { echo "hub-faults: FAIL: $*" >&2; failures=$((failures + 1)); }
say() { echo "hub-faults: $*"; }
now() { date +%s%N | cut -c1-13; }

"$HUB/solrcloud.sh" start "$DIR/cluster" --nodes 3 >"$DIR/cluster.log" 2>&1 || { cat "$DIR/cluster.log" >&2; exit 1; }
URL="http://127.0.0.1:$SOLRCLOUD_BASE_PORT/solr"
ADMIN="admin:$(cat "$DIR/cluster/admin-password")"
export HOME="$DIR/home" LANG=C.UTF-8 VINDPLAATS_LANG=en
unset VINDPLAATS_WORKSPACE VINDPLAATS_PLUGINS XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
cd "$DIR"
V="$ROOT/vindplaats"

# N fictitious notes, deterministic: varied titles, bodies, platforms and dates, no personal data.
awk -v n="$N" 'BEGIN {
  split("tiktok snapchat instagram discord roblox whatsapp youtube telegram", p, " ");
  split("challenge groepsapp livestream schermtijd gamen pesten gokken oplichting", t, " ");
  for (i = 1; i <= n; i++) {
    printf "{\"id\":\"f-%06d\",\"title\":\"%s op %s, ronde %d\",\"body\":\"Jongeren praten over %s op %s; een korte veldnotitie nummer %d uit de wijk.\",\"platforms\":[\"%s\"],\"observed\":\"2026-%02d-%02d\",\"lang\":\"nl\"}\n",
      i, t[i % 8 + 1], p[i % 8 + 1], i, t[(i * 7) % 8 + 1], p[(i * 3) % 8 + 1], i, p[i % 8 + 1], i % 11 + 1, i % 27 + 1
  } }' >notes.jsonl
t0=$(now)
"$V" notes import --workspace ws notes.jsonl >import.out 2>&1 || { tail -n 5 import.out >&2; exit 1; }
say "imported $N notes in $(( ($(now) - t0) / 1000 )) s"
"$V" hub setup "$URL" --admin-password-file cluster/admin-password --teams noord --knowledge-centre kc \
  --passwords pw --replicas 2 >/dev/null 2>setup.err || { cat setup.err >&2; exit 1; }
# Which nodes hold the team's replicas. The workspace enters through the node that holds none (as
# through a load balancer in production), so the node killed is the shard leader itself: the
# hardest case, a new leader must be elected while the push goes on.
status=$(curl -fsS -u "$ADMIN" "$URL/admin/collections?action=CLUSTERSTATUS&collection=team_noord&wt=json" | tr -d '\n ')
leader=$(grep -o '"node_name":"[^"]*","type":"[A-Z]*","state":"active","leader":"true"' <<<"$status" | head -n 1 | grep -o '127.0.0.1:[0-9]*' || true)
entry=""; victim=""
for n in 1 2 3; do
  port=$((SOLRCLOUD_BASE_PORT + n - 1))
  grep -q "\"node_name\":\"127.0.0.1:${port}_solr\"" <<<"$status" || entry=${entry:-$n}
  [ "$leader" = "127.0.0.1:$port" ] && victim=$n
done
entry=${entry:-1}
[ -n "$victim" ] && [ "$victim" != "$entry" ] || { echo "hub-faults: could not find the leader apart from the entry node: $status" >&2; exit 1; }
ENTRY="http://127.0.0.1:$((SOLRCLOUD_BASE_PORT + entry - 1))/solr"
say "team_noord replicas on $(grep -o '"node_name":"127.0.0.1:[0-9]*' <<<"$status" | cut -d'"' -f4 | sort -u | tr '\n' ' ')(leader $leader); the workspace enters through node $entry; node $victim, the leader, will be killed"
"$V" hub connect "$ENTRY" --team noord --user team-noord --password-file pw/team-noord.password --workspace ws >/dev/null
URL=$ENTRY
role=leader

count() { curl -fsS -u "$ADMIN" --get --data-urlencode "q=${2:-*:*}" --data-urlencode rows=0 --data-urlencode wt=json "$1/team_noord/select" \
  | grep -o '"numFound":[0-9]*' | cut -d: -f2; }

t0=$(now)
"$V" hub push --workspace ws >push1.out 2>&1 &
pusher=$!
# Kill the node once a quarter of the notes is in (visible after the hub's soft commits, or by
# the outbox log the push writes after every accepted batch).
while kill -0 "$pusher" 2>/dev/null; do
  sent=$( { [ -f ws/hub-sent.log ] && wc -l <ws/hub-sent.log; } || echo 0)
  [ "$sent" -ge $((N / 4)) ] && break
  sleep 0.2
done
"$HUB/solrcloud.sh" kill-node "$DIR/cluster" "$victim" >/dev/null
say "killed node $victim (the $role) after $(wc -l <ws/hub-sent.log) notes were accepted"
# Search keeps answering meanwhile, as the worker sees it: through Vindplaats, which retries what
# failed for a moment. Solr's own answer to a raw request is shown too: until ZooKeeper notices the
# dead node (its session timeout), the node the workspace enters through still sends some queries
# to it.
answered=0; raw=0
for _ in 1 2 3 4 5; do
  "$V" search --hub --workspace ws --limit 1 --format jsonl groepsapp >search-during.out 2>&1 && answered=$((answered + 1))
  c=$(count "$URL" || echo error)
  [ "$c" != error ] && raw=$((raw + 1))
  sleep 1
done
[ "$answered" = 5 ] && say "search answered 5 of 5 times while the leader was down (raw requests to Solr: $raw of 5)" \
  || fail "search answered $answered of 5 times (raw requests: $raw of 5): $(tail -n 1 search-during.out)"
rc=0; wait "$pusher" || rc=$?
tries=1
while [ "$rc" != 0 ] && [ "$tries" -lt 12 ]; do
  sleep 5 # until ZooKeeper notices the dead node and another replica leads
  say "the push stopped (exit $rc: $(grep vindplaats: push$tries.out | head -n 1)); resuming"
  tries=$((tries + 1))
  rc=0; "$V" hub push --workspace ws >push$tries.out 2>&1 || rc=$?
done
elapsed=$(( $(now) - t0 ))
# What the worker read meanwhile: the push says once why it waits (the hub choosing a new leader).
grep -h "leader" push*.out 2>/dev/null | grep -v "^vindplaats:" | sort -u | head -n 2 | while IFS= read -r line; do say "the push said: $line"; done
[ "$rc" = 0 ] || fail "the push did not complete after $tries tries"
say "push of $N notes done in $((elapsed / 1000)) s with the fault ($tries run(s)): $(( N * 1000 / (elapsed > 0 ? elapsed : 1) )) notes/s"

"$HUB/solrcloud.sh" start-node "$DIR/cluster" "$victim" >/dev/null 2>&1 || true
sleep 5
held=$(count "$URL")
[ "$held" = "$N" ] && say "the hub holds exactly $held notes" || fail "the hub holds $held notes, the workspace $N"
# No duplicates, none lost: the ids in the hub are the ids in the workspace.
curl -fsS -u "$ADMIN" "$URL/team_noord/select?q=*:*&fl=id&rows=$((N + 10))&wt=csv&sort=id%20asc" | tail -n +2 | sort >hub-ids.txt
grep -o '"id":"f-[0-9]*"' notes.jsonl | cut -d'"' -f4 | sort >ws-ids.txt
if cmp -s hub-ids.txt ws-ids.txt; then say "every id once, none lost, none extra"; else fail "ids differ: $(diff hub-ids.txt ws-ids.txt | head -n 5)"; fi
"$V" hub push --workspace ws >push-last.out 2>&1 || fail "a last push failed"
grep -q "^Sent 0 notes and removed 0" push-last.out && say "a last push has nothing left to send" || fail "last push: $(head -n 1 push-last.out)"

if [ "$failures" -gt 0 ]; then
  echo "hub-faults: $failures check(s) failed; files in $DIR" >&2
  exit 1
fi
"$HUB/solrcloud.sh" stop "$DIR/cluster" >/dev/null 2>&1 || true
rm -rf "$DIR"
say "OK"
