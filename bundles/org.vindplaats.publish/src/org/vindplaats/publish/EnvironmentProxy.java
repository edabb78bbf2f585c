package org.vindplaats.publish;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy the usual environment variables ask for, as curl, git and pip read them: {@code
 * https_proxy} for https: addresses, {@code http_proxy} for http:, {@code all_proxy} for both (upper
 * case works too; lower case wins), and {@code no_proxy}, a comma-separated list of host names,
 * domain suffixes ({@code .gent.be} or {@code gent.be}: the domain and everything below it), IP
 * addresses, optionally with {@code :port}, or {@code *} for "never". Loopback addresses never go
 * through a proxy. Without any of these, Java's own proxy settings apply ({@code
 * -Dhttps.proxyHost=...}). Workers in a city's network often sit behind a proxy; repository
 * downloads must work there without a Java option.
 */
public final class EnvironmentProxy extends ProxySelector {

    private final InetSocketAddress https;
    private final InetSocketAddress http;
    private final List<String> noProxy;
    private final ProxySelector fallback;

    EnvironmentProxy(Map<String, String> env, ProxySelector fallback) {
        InetSocketAddress all = address(variable(env, "all_proxy"));
        InetSocketAddress h = address(variable(env, "https_proxy"));
        InetSocketAddress p = address(variable(env, "http_proxy"));
        this.https = h != null ? h : all;
        this.http = p != null ? p : all;
        List<String> list = new ArrayList<>();
        for (String entry : variable(env, "no_proxy").split(",")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (!e.isEmpty()) {
                list.add(e);
            }
        }
        this.noProxy = List.copyOf(list);
        this.fallback = fallback;
    }

    /** The selector these variables ask for (no fallback: without a proxy variable, go direct). */
    public static EnvironmentProxy of(Map<String, String> env) {
        return new EnvironmentProxy(env, null);
    }

    /** The selector for this process: its environment, else Java's default selector. */
    public static ProxySelector fromEnvironment() {
        return new EnvironmentProxy(System.getenv(), ProxySelector.getDefault());
    }

    /** Whether the environment names a proxy at all (so the JDK's own settings are not used). */
    boolean configured() {
        return https != null || http != null;
    }

    private static String variable(Map<String, String> env, String name) {
        String lower = env.get(name);
        if (lower != null && !lower.isBlank()) {
            return lower.strip();
        }
        String upper = env.get(name.toUpperCase(Locale.ROOT));
        return upper == null ? "" : upper.strip();
    }

    /** "http://proxy.stad.be:3128", "proxy:8080" or "http://user:pw@proxy:8080/" as host and port; null if unusable. */
    static InetSocketAddress address(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.contains("://") ? value : "http://" + value;
        try {
            URI u = URI.create(v);
            if (u.getHost() == null) {
                return null;
            }
            int port = u.getPort() > 0 ? u.getPort() : ("https".equalsIgnoreCase(u.getScheme()) ? 443 : 80);
            return InetSocketAddress.createUnresolved(u.getHost(), port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public List<Proxy> select(URI uri) {
        if (uri == null) {
            throw new IllegalArgumentException("uri is null");
        }
        if (!configured()) {
            return fallback != null ? fallback.select(uri) : List.of(Proxy.NO_PROXY);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        InetSocketAddress proxy = "https".equals(scheme) ? https : "http".equals(scheme) ? http : null;
        if (proxy == null || bypass(uri)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, proxy));
    }

    /** Whether {@code no_proxy} (or loopback) says to go direct. */
    public boolean bypass(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1")) {
            return true;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String name = entry;
            Optional<Integer> onlyPort = Optional.empty();
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                name = entry.substring(0, colon);
                onlyPort = Optional.of(Integer.parseInt(entry.substring(colon + 1)));
            }
            if (onlyPort.isPresent() && onlyPort.get() != port) {
                continue;
            }
            String domain = name.startsWith("*.") ? name.substring(2) : name.startsWith(".") ? name.substring(1) : name;
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (fallback != null && !configured()) {
            fallback.connectFailed(uri, sa, ioe);
        }
    }
}
