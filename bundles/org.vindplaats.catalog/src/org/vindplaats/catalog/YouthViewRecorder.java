package org.vindplaats.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.model.LocalizedText;
import org.vindplaats.model.io.FileReplacement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Records what young people said about a platform (a youth panel, a workshop) in an organisation
 * plugin's folder, so a team or knowledge centre never has to edit JSON by hand. The descriptor is
 * replaced atomically and only when the result still loads without errors; otherwise it is left as
 * it was and the problems say why.
 */
public final class YouthViewRecorder {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What was recorded: the problems of the changed plugin (none means it was written). */
    public record Result(boolean written, List<Problem> problems) {
    }

    private YouthViewRecorder() {
    }

    /**
     * Adds one youth view to {@code organisation.youthViews} of the plugin in {@code folder}.
     *
     * @throws IllegalArgumentException when the folder holds no organisation plugin (the message says what to do)
     */
    public static Result add(Path folder, String platform, LocalizedText who, String when, LocalizedText method,
            LocalizedText said) throws IOException {
        Path file = folder.resolve(PluginDescriptor.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(NLS.bind(Messages.YouthView_noPlugin, folder));
        }
        JsonNode root = MAPPER.readTree(Files.readAllBytes(file));
        if (!root.isObject() || !"organisation".equals(root.path("kind").asText()) || !root.path("organisation").isObject()) {
            throw new IllegalArgumentException(NLS.bind(Messages.YouthView_notOrganisation, file));
        }
        ObjectNode org = (ObjectNode) root.get("organisation");
        ArrayNode views = org.has("youthViews") && org.get("youthViews").isArray() ? (ArrayNode) org.get("youthViews")
                : org.putArray("youthViews");
        ObjectNode v = views.addObject().put("platform", platform);
        v.set("who", LocalizedJson.of(who));
        v.put("when", when);
        if (method != null && !method.isEmpty()) {
            v.set("method", LocalizedJson.of(method));
        }
        v.set("said", LocalizedJson.of(said));
        byte[] after = (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        // Check the result as the catalog would (with the plugin's other files), before anything changes on disk.
        PluginContent real = PluginContent.of(folder);
        PluginContent changed = new PluginContent() {
            @Override
            public String displayName() {
                return real.displayName();
            }

            @Override
            public java.util.Optional<byte[]> read(String path, long limit) throws IOException {
                return PluginDescriptor.FILE_NAME.equals(path) ? java.util.Optional.of(after) : real.read(path, limit);
            }

            @Override
            public boolean exists(String path) {
                return PluginDescriptor.FILE_NAME.equals(path) || real.exists(path);
            }
        };
        List<Problem> problems = new DescriptorLoader().load(changed).problems();
        if (problems.stream().anyMatch(Problem::isError)) {
            return new Result(false, problems);
        }
        FileReplacement.write(file, after);
        return new Result(true, problems);
    }
}
