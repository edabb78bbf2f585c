import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.solr.embedded.JettyConfig;
import org.apache.solr.embedded.JettySolrRunner;
import org.apache.solr.security.Sha256AuthenticationProvider;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;

/**
 * The Java half of releng/hub/solrcloud.sh, run as a single-file program on the jars Maven fetched
 * (releng/hub/pom.xml). Not part of the product: Solr, with its own Lucene, never runs inside
 * Vindplaats. Modes:
 *   security ZKHOST ADMIN_PASSWORD_FILE   puts a security.json in ZooKeeper: basic authentication with
 *                                         one user "admin" (all rights) and rule-based authorization;
 *                                         team and knowledge-centre users are added by 'vindplaats hub setup'
 *   node SOLR_HOME PORT ZKHOST            runs one Solr node in embedded Jetty (JettySolrRunner, as Solr's
 *                                         own cloud tests do) until the process is stopped or killed
 */
public final class HubCluster {

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("security")) {
            security(args[1], Path.of(args[2]));
        } else if (args.length == 4 && args[0].equals("node")) {
            node(Path.of(args[1]), Integer.parseInt(args[2]), args[3]);
        } else {
            System.err.println("usage: HubCluster security ZKHOST PASSWORD_FILE | node SOLR_HOME PORT ZKHOST");
            System.exit(2);
        }
    }

    private static void security(String zkHost, Path passwordFile) throws Exception {
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        String json = """
                {
                  "authentication": {
                    "class": "solr.BasicAuthPlugin",
                    "blockUnknown": true,
                    "forwardCredentials": false,
                    "credentials": { "admin": "%s" }
                  },
                  "authorization": {
                    "class": "solr.RuleBasedAuthorizationPlugin",
                    "user-role": { "admin": ["admin"] },
                    "permissions": [ { "name": "all", "role": "admin" } ]
                  }
                }
                """.formatted(Sha256AuthenticationProvider.getSaltedHashedValue(password));
        CountDownLatch connected = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(zkHost, 30_000, e -> {
            if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
            }
        });
        try {
            if (!connected.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("ZooKeeper at " + zkHost + " did not answer within 30 s");
            }
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            if (zk.exists("/security.json", false) == null) {
                zk.create("/security.json", bytes, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } else {
                zk.setData("/security.json", bytes, -1);
            }
        } finally {
            zk.close();
        }
    }

    private static void node(Path home, int port, String zkHost) throws Exception {
        Files.createDirectories(home);
        Path solrXml = home.resolve("solr.xml");
        if (!Files.exists(solrXml)) {
            Files.writeString(solrXml, """
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <solr>
                      <solrcloud>
                        <str name="host">127.0.0.1</str>
                        <int name="hostPort">${hostPort:8983}</int>
                        <str name="hostContext">${hostContext:solr}</str>
                        <str name="zkHost">${zkHost:}</str>
                        <int name="zkClientTimeout">30000</int>
                      </solrcloud>
                    </solr>
                    """, StandardCharsets.UTF_8);
        }
        Properties props = new Properties();
        props.setProperty("zkHost", zkHost);
        props.setProperty("hostPort", Integer.toString(port));
        props.setProperty("hostContext", "solr");
        JettySolrRunner jetty = new JettySolrRunner(home.toString(), props,
                new JettyConfig.Builder().setPort(port).setContext("/solr").stopAtShutdown(true).build());
        jetty.start();
        System.out.println("solr node " + jetty.getBaseUrl() + " (home " + home + ")");
        Thread.currentThread().join();
    }
}
