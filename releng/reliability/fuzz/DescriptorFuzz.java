import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.vindplaats.catalog.DescriptorLoader;
import org.vindplaats.catalog.LoadResult;
import org.vindplaats.catalog.PluginContent;
import org.vindplaats.catalog.Problem;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/**
 * The plugin descriptor parser and validator on any bytes: never throws, every problem says where
 * and how to fix it, and a result without errors has a descriptor.
 */
public final class DescriptorFuzz {

    private static final DescriptorLoader LOADER = new DescriptorLoader(
            java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T00:00:00Z"), java.time.ZoneOffset.UTC));

    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        byte[] icon = data.consumeBytes(64);
        byte[] descriptor = data.consumeRemainingAsBytes();
        PluginContent content = new PluginContent() {
            @Override
            public String displayName() {
                return "fuzz";
            }

            @Override
            public Optional<byte[]> read(String path, long limit) {
                byte[] b = "vindplaats-plugin.json".equals(path) ? descriptor
                        : path.startsWith("icons/") ? icon : null;
                return b == null ? Optional.empty() : Optional.of(Arrays.copyOf(b, (int) Math.min(b.length, limit + 1)));
            }

            @Override
            public boolean exists(String path) {
                return "vindplaats-plugin.json".equals(path) || path.startsWith("icons/");
            }
        };
        LoadResult r = LOADER.load(content);
        for (Problem p : r.problems()) {
            if (p.message() == null || p.message().isBlank() || p.line() < 0 || p.isError() && p.fix().isBlank()) {
                throw new IllegalStateException("a problem without message, fix or place: " + p);
            }
        }
        if (!r.hasErrors() && r.descriptor().isEmpty()) {
            throw new IllegalStateException("no errors but no descriptor for "
                    + new String(descriptor, StandardCharsets.UTF_8));
        }
    }
}
