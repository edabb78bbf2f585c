#!/usr/bin/env bash
# Index benchmark: Vindplaats' NoteIndex next to raw Lucene doing the same work in the same run.
#   releng/benchmarks/index-benchmark.sh [notes=100000] [queries per kind=500] [thesaurus.json]
# With a thesaurus (e.g. bundles/org.vindplaats.organisation.kenniscentrum-voorbeeld/data/thesaurus.json)
# both engines index notes tagged with phenomena by the suggester, and count the phenomenon facet.
# Builds org.vindplaats.index (offline if possible), then runs IndexBenchmark.java on the class
# path (no OSGi: the benchmark measures the engine, not the framework). HEAP=4g for 1M notes.
# PROBE_DIR=folder (needs the thesaurus): no benchmark, but where faceted searches spend their time:
# our index kept in that folder (built once, reopened in a second), the slowest faceted queries with
# their match counts, next to the same queries without facets.
set -euo pipefail
cd "$(dirname "$0")/../.."
NOTES="${1:-100000}"
QUERIES="${2:-500}"
THESAURUS="${3:-}"
java_bin() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  for j in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -V -r); do
    if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then echo "$j/bin/java"; return; fi
  done
  echo "no JDK 21+ found: set JAVA_HOME" >&2; exit 3
}
JAVA="$(java_bin)"
MODULES=bundles/org.vindplaats.index,bundles/org.vindplaats.catalog,bundles/org.vindplaats.suggest
./mvnw -B -q -o package -pl $MODULES -am -DskipTests || ./mvnw -B -q package -pl $MODULES -am -DskipTests
M2="${MAVEN_REPO:-$HOME/.m2/repository}"
# Run from copies, so a build during a long run cannot change the jars under the benchmark.
LIB="$(mktemp -d -t vindplaats-bench-lib.XXXXXX)"
cp "$(ls bundles/org.vindplaats.index/target/org.vindplaats.index-*.jar | grep -v sources | head -1)" "$LIB/index.jar"
cp "$(ls bundles/org.vindplaats.model/target/org.vindplaats.model-*.jar | grep -v sources | head -1)" "$LIB/model.jar"
cp "$(ls bundles/org.vindplaats.analysis/target/org.vindplaats.analysis-*.jar | grep -v sources | head -1)" "$LIB/analysis.jar"
for b in catalog suggest; do
  cp "$(ls bundles/org.vindplaats.$b/target/org.vindplaats.$b-*.jar | grep -v sources | head -1)" "$LIB/$b.jar"
done
CP="$LIB/index.jar:$LIB/model.jar:$LIB/analysis.jar:$LIB/catalog.jar:$LIB/suggest.jar"
for a in core databind annotations; do
  CP="$CP:$(ls "$M2"/com/fasterxml/jackson/core/jackson-$a/*/jackson-$a-*.jar | grep -v sources | sort -V | tail -1)"
done
CP="$CP:$(ls "$M2"/de/bwaldvogel/liblinear/*/liblinear-*.jar | grep -v sources | sort -V | tail -1)"
for a in core analysis-common queryparser queries facet highlighter memory sandbox; do
  CP="$CP:$M2/org/apache/lucene/lucene-$a/10.6.0/lucene-$a-10.6.0.jar"
done
CP="$CP:$(ls "$M2"/org/eclipse/platform/org.eclipse.equinox.common/*/org.eclipse.equinox.common-*.jar | sort -V | tail -1)"
CP="$CP:$(ls "$M2"/org/eclipse/platform/org.eclipse.osgi/*/org.eclipse.osgi-*.jar | grep -v sources | sort -V | tail -1)"
if [ -n "${PROBE_DIR:-}" ]; then
  exec "$JAVA" $JFR -Xms${HEAP:-2g} -Xmx${HEAP:-2g} -XX:ActiveProcessorCount=2 --add-modules jdk.incubator.vector \
    -cp "$CP" releng/benchmarks/index/IndexBenchmark.java probe "$NOTES" "$QUERIES" "$THESAURUS" "$PROBE_DIR"
fi
exec "$JAVA" $JFR -Xms${HEAP:-2g} -Xmx${HEAP:-2g} -XX:ActiveProcessorCount=2 --add-modules jdk.incubator.vector \
  -cp "$CP" releng/benchmarks/index/IndexBenchmark.java "$NOTES" "$QUERIES" $THESAURUS
