#!/usr/bin/env bash
# A local SolrCloud to try and test the Vindplaats team hub, from Maven Central artifacts only:
# ZooKeeper and each Solr node run in their own process (so one node can be killed), Solr's own
# basic authentication and rule-based authorization are on from the start.
#
#   releng/hub/solrcloud.sh start DIR [--nodes N]   start ZooKeeper and N Solr nodes (default 3);
#                                                    prints the Solr URL; DIR/admin-password (owner-only)
#                                                    holds the password of the user 'admin'
#   releng/hub/solrcloud.sh status DIR               which processes run, and the nodes Solr sees
#   releng/hub/solrcloud.sh kill-node DIR N          SIGKILL node N (1-based), as a crash would
#   releng/hub/solrcloud.sh start-node DIR N         start node N again
#   releng/hub/solrcloud.sh stop DIR                 stop everything (the data stays in DIR)
#
# The jars (Solr 9.10, ZooKeeper, Jetty; about 85 MB) are fetched once into DIR/lib with Maven
# (releng/hub/pom.xml), or shared from SOLRCLOUD_LIB (a folder) when set. Ports: ZooKeeper 9983, Solr 8983, 8984, ... unless SOLRCLOUD_ZK_PORT or
# SOLRCLOUD_BASE_PORT say otherwise; SOLRCLOUD_HEAP sets each node's heap (512m), SOLRCLOUD_JAVA_OPTS adds JVM options
# to each node (e.g. a JFR recording). Needs a JDK 21+ (JAVA_HOME or java on the PATH) and curl.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HUB="$ROOT/releng/hub"

usage() { sed -n '5,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[ $# -ge 2 ] || usage
cmd=$1
DIR=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2

JAVA=${JAVA_HOME:+$JAVA_HOME/bin/java}
JAVA=${JAVA:-java}
ZK_PORT=${SOLRCLOUD_ZK_PORT:-9983}
BASE_PORT=${SOLRCLOUD_BASE_PORT:-8983}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
node_port() { echo $((BASE_PORT + $1 - 1)); }
password() { cat "$DIR/admin-password"; }

LIB=${SOLRCLOUD_LIB:-$DIR/lib}
fetch_jars() {
  if [ ! -f "$LIB/.complete" ]; then
    echo "solrcloud: fetching Solr and ZooKeeper from Maven Central into $LIB (once)..."
    "$ROOT/mvnw" -B -q -f "$HUB/pom.xml" dependency:copy-dependencies -DoutputDirectory="$LIB" >"$DIR/fetch.log" 2>&1 \
      || { tail -n 20 "$DIR/fetch.log" >&2; echo "solrcloud: could not fetch the jars (see $DIR/fetch.log)" >&2; exit 1; }
    touch "$LIB/.complete"
  fi
  # Logging: Solr's log4j writes each process's log to a file in DIR, warnings and up.
  cat >"$DIR/log4j2.xml" <<XML
<Configuration status="WARN">
  <Appenders><Console name="out" target="SYSTEM_OUT"><PatternLayout pattern="%d{HH:mm:ss} %-5p %c{1} %m%n"/></Console></Appenders>
  <Loggers><Root level="WARN"><AppenderRef ref="out"/></Root></Loggers>
</Configuration>
XML
}

start_node() { # n
  local n=$1 port
  port=$(node_port "$n")
  if alive "$DIR/node$n.pid"; then echo "solrcloud: node $n already runs"; return 0; fi
  port_open "$port" && { echo "solrcloud: port $port is taken; set SOLRCLOUD_BASE_PORT" >&2; exit 1; }
  nohup "$JAVA" -Xmx${SOLRCLOUD_HEAP:-512m} ${SOLRCLOUD_JAVA_OPTS:-} -Dlog4j2.configurationFile="$DIR/log4j2.xml" -Dsolr.log.dir="$DIR" \
    -cp "$LIB/*" "$HUB/HubCluster.java" node "$DIR/node$n" "$port" "127.0.0.1:$ZK_PORT" \
    >"$DIR/node$n.log" 2>&1 &
  echo $! >"$DIR/node$n.pid"
}

wait_node() { # n
  local n=$1 port
  port=$(node_port "$n")
  for _ in $(seq 120); do
    if curl -fs -u "admin:$(password)" "http://127.0.0.1:$port/solr/admin/info/system?wt=json" >/dev/null 2>&1; then
      return 0
    fi
    alive "$DIR/node$n.pid" || break
    sleep 1
  done
  tail -n 30 "$DIR/node$n.log" >&2
  echo "solrcloud: node $n (port $port) did not come up; its log is $DIR/node$n.log" >&2
  exit 1
}

case "$cmd" in
start)
  nodes=3
  while [ $# -gt 0 ]; do
    case "$1" in
      --nodes) nodes=$2; shift 2 ;;
      *) usage ;;
    esac
  done
  fetch_jars
  echo "$nodes" >"$DIR/nodes"
  if ! alive "$DIR/zk.pid"; then
    port_open "$ZK_PORT" && { echo "solrcloud: port $ZK_PORT is taken; set SOLRCLOUD_ZK_PORT" >&2; exit 1; }
    mkdir -p "$DIR/zk/data"
    printf 'tickTime=2000\ninitLimit=10\nsyncLimit=5\ndataDir=%s\nclientPort=%s\nclientPortAddress=127.0.0.1\nadmin.enableServer=false\n4lw.commands.whitelist=ruok,mntr\n' \
      "$DIR/zk/data" "$ZK_PORT" >"$DIR/zk/zoo.cfg"
    nohup "$JAVA" -Xmx256m -Dlog4j2.configurationFile="$DIR/log4j2.xml" -cp "$LIB/*" \
      org.apache.zookeeper.server.ZooKeeperServerMain "$DIR/zk/zoo.cfg" >"$DIR/zk.log" 2>&1 &
    echo $! >"$DIR/zk.pid"
    for _ in $(seq 60); do port_open "$ZK_PORT" && break; sleep 0.5; done
    port_open "$ZK_PORT" || { tail -n 20 "$DIR/zk.log" >&2; echo "solrcloud: ZooKeeper did not start" >&2; exit 1; }
  fi
  if [ ! -s "$DIR/admin-password" ]; then
    (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$DIR/admin-password")
  fi
  "$JAVA" -Dlog4j2.configurationFile="$DIR/log4j2.xml" -cp "$LIB/*" "$HUB/HubCluster.java" \
    security "127.0.0.1:$ZK_PORT" "$DIR/admin-password" >"$DIR/security.log" 2>&1 \
    || { cat "$DIR/security.log" >&2; echo "solrcloud: could not store security.json in ZooKeeper" >&2; exit 1; }
  for n in $(seq "$nodes"); do start_node "$n"; done
  for n in $(seq "$nodes"); do wait_node "$n"; done
  echo "solrcloud: $nodes Solr node(s) and ZooKeeper (127.0.0.1:$ZK_PORT) run from $DIR"
  echo "solrcloud: Solr URL http://127.0.0.1:$BASE_PORT/solr (user admin, password in $DIR/admin-password)"
  ;;
start-node)
  [ $# -eq 1 ] || usage
  start_node "$1"
  wait_node "$1"
  echo "solrcloud: node $1 runs again on port $(node_port "$1")"
  ;;
kill-node)
  [ $# -eq 1 ] || usage
  alive "$DIR/node$1.pid" || { echo "solrcloud: node $1 does not run" >&2; exit 1; }
  kill -9 "$(cat "$DIR/node$1.pid")"
  echo "solrcloud: node $1 (port $(node_port "$1")) killed with SIGKILL"
  ;;
status)
  alive "$DIR/zk.pid" && echo "zookeeper: runs (127.0.0.1:$ZK_PORT)" || echo "zookeeper: stopped"
  for n in $(seq "$(cat "$DIR/nodes" 2>/dev/null || echo 0)"); do
    alive "$DIR/node$n.pid" && echo "node $n: runs (port $(node_port "$n"))" || echo "node $n: stopped"
  done
  if [ -s "$DIR/admin-password" ]; then
    for n in $(seq "$(cat "$DIR/nodes" 2>/dev/null || echo 0)"); do
      if alive "$DIR/node$n.pid"; then
        curl -fs -u "admin:$(password)" "http://127.0.0.1:$(node_port "$n")/solr/admin/collections?action=CLUSTERSTATUS&wt=json" \
          | grep -o '"live_nodes":\[[^]]*\]' || true
        break
      fi
    done
  fi
  ;;
stop)
  for f in "$DIR"/node*.pid "$DIR/zk.pid"; do
    [ -f "$f" ] || continue
    if alive "$f"; then
      kill "$(cat "$f")" 2>/dev/null || true
      for _ in $(seq 20); do alive "$f" || break; sleep 0.5; done
      alive "$f" && kill -9 "$(cat "$f")" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  echo "solrcloud: stopped (the data stays in $DIR)"
  ;;
*) usage ;;
esac
