#!/usr/bin/env bash
# Tries the hub's SolrCloud end to end, as the hub will use it: a 3-node cluster from Maven
# Central (solrcloud.sh), the Vindplaats configset (Dutch/English analysis from Solr's stock
# factories) uploaded, a team collection with 2 shards x 2 replicas, notes indexed and found by
# stem, compound part and synonym, Solr refusing requests without the right password, and search
# still answering with every note after one node is killed with SIGKILL.
#   releng/hub/cluster-check.sh            (jars cached in ~/.cache/vindplaats-hub/lib)
set -euo pipefail
HUB=$(cd "$(dirname "$0")" && pwd)
export SOLRCLOUD_LIB=${SOLRCLOUD_LIB:-$HOME/.cache/vindplaats-hub/lib}
export SOLRCLOUD_ZK_PORT=${SOLRCLOUD_ZK_PORT:-19983} SOLRCLOUD_BASE_PORT=${SOLRCLOUD_BASE_PORT:-18983}
DIR=$(mktemp -d)
failures=0
cleanup() { "$HUB/solrcloud.sh" stop "$DIR" >/dev/null 2>&1 || true; [ "$failures" -gt 0 ] || rm -rf "$DIR"; }
trap cleanup EXIT
fail() { echo "cluster-check: FAIL: $*" >&2; failures=$((failures + 1)); }

"$HUB/solrcloud.sh" start "$DIR" --nodes 3
PW=$(cat "$DIR/admin-password")
URL1="http://127.0.0.1:$SOLRCLOUD_BASE_PORT/solr"
URL2="http://127.0.0.1:$((SOLRCLOUD_BASE_PORT + 1))/solr"
api() { curl -fsS -u "admin:$PW" "$@"; }

# The configset, with its generated word lists (here: Lucene's Dutch stop set and small samples of
# what 'vindplaats hub setup' will generate from the glossary and the plugins).
conf="$DIR/configset"
cp -r "$HUB/../../bundles/org.vindplaats.hub/configset/conf" "$conf"
unzip -p "$SOLRCLOUD_LIB"/lucene-analysis-common-*.jar org/apache/lucene/analysis/snowball/dutch_stop.txt >"$conf/stopwords_nl.txt"
printf 'scherm\ntijd\ngroep\nfoto\nchat\n' >"$conf/compound-parts.txt"
printf 'grooming, online lokken, lokken\nafpersing, chantage, sextortion\n' >"$conf/synonyms.txt"
(cd "$conf" && zip -qr "$DIR/configset.zip" .)
api -X POST -H 'Content-Type: application/octet-stream' --data-binary @"$DIR/configset.zip" \
  "$URL1/admin/configs?action=UPLOAD&name=vindplaats-notes" >/dev/null || fail "the configset was not accepted"
api "$URL1/admin/collections?action=CREATE&name=team_a&numShards=2&replicationFactor=2&collection.configName=vindplaats-notes&waitForFinalState=true" \
  >"$DIR/create.json" || { cat "$DIR/create.json" >&2; fail "the collection was not created"; }

cat >"$DIR/notes.json" <<'JSON'
[
 {"id":"n1","revision":1,"team":"a","lang":"nl","title":"Foto's als drukmiddel","title_nl":"Foto's als drukmiddel","body_nl":"In de klasgroep gaan foto's rond; iemand dreigt ze door te sturen als er niet betaald wordt.","platform":["snapchat"],"need":["privacy_safety"],"urgency":"concern"},
 {"id":"n2","revision":1,"team":"a","lang":"nl","title":"Schermtijd in de vakantie","title_nl":"Schermtijd in de vakantie","body_nl":"Jongeren zitten tot diep in de nacht te gamen.","platform":["fortnite"],"need":["health"],"urgency":"info"},
 {"id":"n3","revision":1,"team":"a","lang":"en","title":"Stranger asks to move to a private chat","title_en":"Stranger asks to move to a private chat","body_en":"An adult offered free Robux if the boy kept talking in another app; online lokken.","platform":["roblox"],"need":["privacy_safety"],"urgency":"immediate"}
]
JSON
api -H 'Content-Type: application/json' --data-binary @"$DIR/notes.json" "$URL1/team_a/update?commit=true" >/dev/null \
  || fail "the notes were not indexed"

found() { # url, query -> numFound
  curl -fsS -u "admin:$PW" --get --data-urlencode "q=$2" --data-urlencode "rows=0" --data-urlencode "wt=json" "$1/team_a/select" \
    | grep -o '"numFound":[0-9]*' | cut -d: -f2
}
expect() { # url, query, count, what
  local n
  n=$(found "$1" "$2" || echo error)
  if [ "$n" = "$3" ]; then echo "cluster-check: '$2' finds $n ($4)"; else fail "'$2' found $n, expected $3 ($4)"; fi
}
expect "$URL1" "foto" 1 "Dutch stemming: foto's"
expect "$URL1" "tijd" 1 "compound part of schermtijd"
expect "$URL1" "afpersing" 0 "a synonym with no note behind it"
expect "$URL1" "grooming" 1 "query-time synonym: online lokken"
expect "$URL1" "chats" 1 "English stemming"
expect "$URL1" "*:*" 3 "every note"

code=$(curl -s -o /dev/null -w '%{http_code}' "$URL1/team_a/select?q=*:*")
[ "$code" = 401 ] && echo "cluster-check: without a password Solr answers $code" || fail "without a password Solr answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -u admin:wrong "$URL1/team_a/select?q=*:*")
[ "$code" = 401 ] && echo "cluster-check: with a wrong password Solr answers $code" || fail "with a wrong password Solr answered $code"

# One node dies: each shard still has a replica, search still finds every note.
"$HUB/solrcloud.sh" kill-node "$DIR" 1
sleep 3
expect "$URL2" "*:*" 3 "after node 1 was killed, from the replicas"
expect "$URL2" "foto" 1 "after node 1 was killed"

if [ "$failures" -gt 0 ]; then
  echo "cluster-check: $failures check(s) failed; logs in $DIR" >&2
  exit 1
fi
echo "cluster-check: OK"
