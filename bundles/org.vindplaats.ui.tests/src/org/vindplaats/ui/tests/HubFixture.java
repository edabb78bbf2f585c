package org.vindplaats.ui.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.vindplaats.app.TeamHub;

/** A team hub connection that goes nowhere: 127.0.0.1:1 refuses every connection at once. */
final class HubFixture {

    static final String UNREACHABLE = "http://127.0.0.1:1/solr";

    private HubFixture() {
    }

    /** A password file with one line. */
    static Path passwordFile(Path dir) throws Exception {
        Path f = dir.resolve("hub-password.txt");
        Files.writeString(f, "geheim-wachtwoord\n", StandardCharsets.UTF_8);
        return f;
    }

    /** Connects the workspace in {@code ws} to the unreachable hub, as team "jeugdwerk-noord", user "an". */
    static void connect(TeamHub hub, Path ws, Path passwordFile) throws Exception {
        hub.connect(ws, UNREACHABLE, "jeugdwerk-noord", "an", passwordFile.toString());
    }
}
