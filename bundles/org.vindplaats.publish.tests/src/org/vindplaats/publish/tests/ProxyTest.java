package org.vindplaats.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vindplaats.publish.EnvironmentProxy;
import org.vindplaats.publish.Keys;
import org.vindplaats.publish.Publisher;
import org.vindplaats.publish.RepositoryClient;

import com.sun.net.httpserver.HttpServer;

/** Repository downloads go through the proxy that https_proxy / http_proxy name, except for no_proxy hosts. */
class ProxyTest {

    @Test
    void theVariablesChooseTheProxyAsCurlDoes() {
        EnvironmentProxy p = EnvironmentProxy.of(Map.of("https_proxy", "http://proxy.stad.be:3128", "HTTP_PROXY", "proxy.stad.be:8080",
                "no_proxy", "intranet.gent.be, .vlaanderen.be,10.1.2.3,repo.local:8443"));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.stad.be", 3128))),
                p.select(URI.create("https://plugins.kenniscentrum.be/repo/")));
        assertEquals(List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.stad.be", 8080))),
                p.select(URI.create("http://plugins.kenniscentrum.be/repo/")), "upper case works when lower case is absent");
        for (String direct : List.of("https://intranet.gent.be/x", "https://docs.intranet.gent.be/x", "https://vlaanderen.be/",
                "https://www.vlaanderen.be/", "http://10.1.2.3/", "https://repo.local:8443/", "http://127.0.0.1:9000/", "http://localhost/")) {
            assertEquals(List.of(Proxy.NO_PROXY), p.select(URI.create(direct)), direct);
        }
        assertFalse(p.bypass(URI.create("https://repo.local/")), "no_proxy with a port only covers that port");
        assertFalse(p.bypass(URI.create("https://notvlaanderen.be/")), "a domain suffix matches whole labels only");
        assertEquals(List.of(Proxy.NO_PROXY), EnvironmentProxy.of(Map.of("https_proxy", "proxy:1", "no_proxy", "*"))
                .select(URI.create("https://example.org/")));
        assertEquals(List.of(Proxy.NO_PROXY), EnvironmentProxy.of(Map.of()).select(URI.create("https://example.org/")),
                "no variables: direct");
    }

    /** A real round trip: the repository's host does not exist, only the proxy knows how to reach it. */
    @Test
    void aRepositoryBehindAProxyIsListedThroughIt(@TempDir Path dir) throws Exception {
        Keys.SigningKey key = Keys.create(dir.resolve("k.p12"), Fixtures.password(), "Kenniscentrum Proxytest");
        Path repo = dir.resolve("repo");
        Path src = Fixtures.platformPlugin(dir.resolve("src"), "proxied", "1.0.0", "Plugin proxied");
        assertTrue(new Publisher().publish(List.of(src), repo, key, null, new NullProgressMonitor()).ok());

        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", ex -> {
            URI asked = ex.getRequestURI();
            seen.add(asked.toString());
            Path file = "repo.vindplaats.invalid".equals(asked.getHost()) ? repo.resolve(asked.getPath().substring(1)) : null;
            if (file == null || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
            } else {
                byte[] body = Files.readAllBytes(file);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
            ex.close();
        });
        proxy.start();
        try {
            String address = "http://127.0.0.1:" + proxy.getAddress().getPort();
            URI repository = URI.create("http://repo.vindplaats.invalid/");
            RepositoryClient viaProxy = new RepositoryClient(Duration.ofSeconds(5), Duration.ofSeconds(10),
                    EnvironmentProxy.of(Map.of("http_proxy", address)));
            var listing = viaProxy.list(repository, new NullProgressMonitor());
            assertEquals(List.of("org.vindplaats.platform.proxied"), listing.plugins().stream().map(RepositoryClient.Available::id).toList());
            assertTrue(seen.stream().anyMatch(s -> s.startsWith("http://repo.vindplaats.invalid/")), seen.toString());

            // no_proxy names the host: the client goes direct, and the host does not exist.
            int before = seen.size();
            RepositoryClient direct = new RepositoryClient(Duration.ofSeconds(5), Duration.ofSeconds(10),
                    EnvironmentProxy.of(Map.of("http_proxy", address, "no_proxy", "vindplaats.invalid")));
            assertThrows(RepositoryClient.RepositoryException.class, () -> direct.list(repository, new NullProgressMonitor()));
            assertEquals(before, seen.size(), "nothing went through the proxy");
        } finally {
            proxy.stop(0);
        }
    }
}
