#!/usr/bin/env bash
# Team hub benchmark, with the built product against a real 3-node SolrCloud (releng/hub/solrcloud.sh):
#   releng/benchmarks/hub-benchmark.sh [notes=100000] [teams=10] [queries per kind=300]
# 1. The index benchmark's deterministic notes, spread over the teams, imported into one
#    workspace per team with --share (every note also goes to the knowledge centre's collection).
# 2. Push: every team's `vindplaats hub push`, one after the other, timed as whole processes:
#    notes/s into the team collections and the shared one (two copies of every shard: a leader and a TLOG replica), next to
#    Solr's own ingest of the same documents in the same run (HubBenchmark raw) as the baseline.
# 3. Search: the index benchmark's plain, filtered and faceted queries through the hub's client
#    (the knowledge centre's account, the shared collection with all notes) next to the local
#    index on the same notes, in the same run (HubBenchmark.java).
# SEARCH_ONLY=1 skips 1. and 2.: the notes go straight into the shared collection, labelled as the
#    push labels them (HubBenchmark load, about 1 800 notes/s here), so search at 1M notes can be
#    measured in about 25 minutes instead of the full run's 2.5 hours. No push figure then.
# Needs about 3 GB of disk per 100 000 notes; SOLRCLOUD_HEAP (default 1g) per Solr node; HEAP (default 2g)
# for the Java part, which holds the documents for the baseline in memory (about 3 GB per million notes).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-100000}
TEAMS=${2:-10}
QUERIES=${3:-300}
export SOLRCLOUD_LIB=${SOLRCLOUD_LIB:-$HOME/.cache/vindplaats-hub/lib}
export SOLRCLOUD_ZK_PORT=${SOLRCLOUD_ZK_PORT:-19983} SOLRCLOUD_BASE_PORT=${SOLRCLOUD_BASE_PORT:-18983}
export SOLRCLOUD_HEAP=${SOLRCLOUD_HEAP:-1g}
DIR=$(mktemp -d -t vindplaats-hub-bench.XXXXXX)
trap '"$ROOT/releng/hub/solrcloud.sh" stop "$DIR/cluster" >/dev/null 2>&1 || true' EXIT
now() { date +%s%N | cut -c1-13; }
say() { echo "hub-benchmark: $*"; }
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/java}
JAVA=${JAVA:-java}

# The product, and the jars the Java part runs on (copies: a build meanwhile cannot change them).
"$ROOT/vindplaats" --version >/dev/null
(cd "$ROOT" && ./mvnw -B -q -o package -pl bundles/org.vindplaats.hub,bundles/org.vindplaats.catalog,bundles/org.vindplaats.suggest -am -DskipTests) >/dev/null
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
mkdir -p "$DIR/lib"
for b in analysis hub index model notes catalog suggest; do
  cp "$(ls "$ROOT"/bundles/org.vindplaats.$b/target/org.vindplaats.$b-*.jar | grep -v sources | head -1)" "$DIR/lib/$b.jar"
done
CP="$DIR/lib/*"
for a in core analysis-common queryparser queries facet highlighter memory sandbox; do
  CP="$CP:$M2/org/apache/lucene/lucene-$a/10.6.0/lucene-$a-10.6.0.jar"
done
CP="$CP:$M2/org/apache/solr/solr-solrj/9.10.1/solr-solrj-9.10.1.jar"
CP="$CP:$M2/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar:$M2/org/slf4j/slf4j-nop/2.0.17/slf4j-nop-2.0.17.jar"
for a in core databind annotations; do
  CP="$CP:$(ls "$M2"/com/fasterxml/jackson/core/jackson-$a/*/jackson-$a-*.jar | grep -v sources | sort -V | tail -1)"
done
# (IndexBenchmark, whose notes and queries this uses, can also tag notes with the suggester.)
CP="$CP:$(ls "$M2"/de/bwaldvogel/liblinear/*/liblinear-*.jar | grep -v sources | sort -V | tail -1)"
CP="$CP:$(ls "$M2"/org/eclipse/platform/org.eclipse.equinox.common/*/org.eclipse.equinox.common-*.jar | sort -V | tail -1)"
CP="$CP:$(ls "$M2"/org/eclipse/platform/org.eclipse.osgi/*/org.eclipse.osgi-*.jar | grep -v sources | sort -V | tail -1)"
bench() { "$JAVA" -Xms${HEAP:-2g} -Xmx${HEAP:-2g} --add-modules jdk.incubator.vector -cp "$CP" \
  "$ROOT/releng/benchmarks/index/HubBenchmark.java" "$@" 2> >(grep -v -e "^WARNING" >&2); }

say "$N notes, $TEAMS teams, 3 Solr nodes ($SOLRCLOUD_HEAP heap each), $(nproc) cores, folder $DIR"
"$ROOT/releng/hub/solrcloud.sh" start "$DIR/cluster" --nodes 3 >"$DIR/cluster.log" 2>&1 || { cat "$DIR/cluster.log" >&2; exit 1; }
URL="http://127.0.0.1:$SOLRCLOUD_BASE_PORT/solr"
export HOME="$DIR/home" LANG=C.UTF-8 VINDPLAATS_LANG=en VINDPLAATS_SERVER=off
unset VINDPLAATS_WORKSPACE VINDPLAATS_PLUGINS XDG_DATA_HOME XDG_CACHE_HOME XDG_CONFIG_HOME
mkdir -p "$HOME"
cd "$DIR"
V="$ROOT/vindplaats"

if [ "${SEARCH_ONLY:-}" = 1 ]; then
  teams=$(for i in $(seq 1 "$TEAMS"); do printf 't%02d,' "$i"; done | sed 's/,$//')
  "$V" hub setup "$URL" --admin-password-file cluster/admin-password --teams "$teams" --knowledge-centre kc \
    --passwords pw --replicas 2 >setup.out 2>&1 || { cat setup.out >&2; exit 1; }
  t0=$(now)
  bench load "$N" "$TEAMS" "$URL" cluster/admin-password "$ROOT/bundles/org.vindplaats.organisation.kenniscentrum-voorbeeld/data/thesaurus.json" | tail -n 1
  say "loaded $N notes straight into the shared collection in $(( ($(now) - t0) / 1000 )) s (SEARCH_ONLY: no push figure)"
  say "search: the knowledge centre's hub client on the shared collection ($N notes) next to the local index"
  bench search "$N" "$URL" kc pw/kc.password "$QUERIES"
  say "disk: $(du -sh cluster | cut -f1) for the cluster"
  "$ROOT/releng/hub/solrcloud.sh" stop "$DIR/cluster" >/dev/null 2>&1 || true
  rm -rf "$DIR"
  exit 0
fi
bench generate "$N" "$TEAMS" notes
teams=$(ls notes | sed 's/\.jsonl$//' | paste -sd, -)
"$V" hub setup "$URL" --admin-password-file cluster/admin-password --teams "$teams" --knowledge-centre kc \
  --passwords pw --replicas 2 >setup.out 2>&1 || { cat setup.out >&2; exit 1; }
t0=$(now)
for t in ${teams//,/ }; do
  "$V" notes import --workspace "ws/$t" --share --ack "notes/$t.jsonl" >"import-$t.out" 2>&1 || { tail -n 3 "import-$t.out" >&2; exit 1; }
  "$V" hub connect "$URL" --team "$t" --user "team-$t" --password-file "pw/team-$t.password" --workspace "ws/$t" >/dev/null
done
say "imported into $TEAMS workspaces in $(( ($(now) - t0) / 1000 )) s (not part of the push figure)"

t0=$(now)
for t in ${teams//,/ }; do
  "$V" hub push --workspace "ws/$t" >"push-$t.out" 2>&1 || { cat "push-$t.out" >&2; exit 1; }
done
ms=$(( $(now) - t0 ))
# (Within seconds: the second copies fetch the leaders' segments about every second.)
for _ in $(seq 50); do
  held=$(curl -fsS -u "kc:$(cat pw/kc.password)" "$URL/shared/select?q=*:*&rows=0&wt=json" | grep -o '"numFound":[0-9]*' | cut -d: -f2)
  [ "$held" = "$N" ] && break; sleep 0.2
done
say "push: $N notes to the team collections and the same $N to the shared one in $((ms / 1000)) s with $TEAMS pushes:" \
  "$(( N * 1000 / ms )) notes/s (team copies; $(( 2 * N * 1000 / ms )) documents/s counting the shared copies); shared holds $held"
[ "$held" = "$N" ] || { say "FAIL: the shared collection holds $held notes, not $N"; exit 1; }
# The baseline: Solr alone writing the same documents again (HubBenchmark raw), in the same run.
bench raw "$URL" cluster/admin-password | tee raw.out
raw=$(grep -o '[0-9]* documents/s' raw.out | cut -d' ' -f1)
say "push / Solr alone: $(( 2 * N * 1000 / ms )) / $raw documents/s = $(awk -v a=$(( 2 * N * 1000 / ms )) -v b="$raw" 'BEGIN { printf "%.2f", a / b }')"

say "search: the knowledge centre's hub client on the shared collection ($N notes) next to the local index"
bench search "$N" "$URL" kc pw/kc.password "$QUERIES"
say "disk: $(du -sh cluster | cut -f1) for the cluster (3 nodes, every note twice, in 2 collections)"
"$ROOT/releng/hub/solrcloud.sh" stop "$DIR/cluster" >/dev/null 2>&1 || true
rm -rf "$DIR"
