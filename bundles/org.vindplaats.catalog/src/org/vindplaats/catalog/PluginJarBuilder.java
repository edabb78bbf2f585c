package org.vindplaats.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.osgi.util.NLS;
import org.vindplaats.catalog.Problem.Severity;
import org.vindplaats.model.io.FileReplacement;

/**
 * 'vindplaats plugin build': turns a plugin folder into an installable bundle jar. The manifest
 * is generated (authors never write one): the symbolic name follows from kind and id, the
 * version from the descriptor. Jars are reproducible: the same folder gives the same bytes.
 */
public final class PluginJarBuilder {

    /** Fixed entry time so that rebuilding unchanged content gives an identical jar. */
    private static final FileTime ENTRY_TIME = FileTime.fromMillis(946_684_800_000L);

    private final DescriptorLoader loader;

    public PluginJarBuilder(DescriptorLoader loader) {
        this.loader = loader;
    }

    public record BuildResult(LoadResult validation, Optional<Path> jar, List<Problem> problems) {
        public boolean ok() {
            return jar.isPresent();
        }
    }

    /** The bundle symbolic name of a plugin: org.vindplaats.platform.tiktok, org.vindplaats.organisation.stad-x. */
    public static String symbolicName(PluginDescriptor d) {
        return "org.vindplaats." + d.kind().id() + "." + d.id();
    }

    public BuildResult build(Path folder, Path outputDir) throws IOException {
        LoadResult validation = loader.load(PluginContent.of(folder));
        List<Problem> problems = new ArrayList<>(validation.problems());
        if (validation.hasErrors()) {
            return new BuildResult(validation, Optional.empty(), problems);
        }
        PluginDescriptor d = validation.descriptor().orElseThrow();
        TreeMap<String, Path> files = collect(folder, problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            return new BuildResult(validation, Optional.empty(), problems);
        }
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName(d));
        a.putValue("Bundle-Version", d.version());
        a.putValue("Bundle-Name", "Vindplaats " + d.kind().id() + ": " + d.name());
        if (d.publisher() != null) {
            a.putValue("Bundle-Vendor", d.publisher());
        }
        a.putValue(PluginDescriptor.MANIFEST_HEADER, PluginDescriptor.FILE_NAME);
        a.putValue("Created-By", "vindplaats plugin build");

        Files.createDirectories(outputDir);
        Path jar = outputDir.resolve(symbolicName(d) + "_" + d.version() + ".jar");
        Path tmp = Files.createTempFile(outputDir, ".building-", ".jar");
        try {
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out)) {
                JarEntry me = new JarEntry("META-INF/MANIFEST.MF");
                me.setLastModifiedTime(ENTRY_TIME);
                j.putNextEntry(me);
                mf.write(j);
                j.closeEntry();
                for (var e : files.entrySet()) {
                    JarEntry entry = new JarEntry(e.getKey());
                    entry.setLastModifiedTime(ENTRY_TIME);
                    j.putNextEntry(entry);
                    Files.copy(e.getValue(), j);
                    j.closeEntry();
                }
            }
            FileReplacement.force(tmp);
            FileReplacement.move(tmp, jar);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new BuildResult(validation, Optional.of(jar), problems);
    }

    /**
     * What 'plugin build' would refuse among the folder's files (links, oversized files, and
     * anything a data-only plugin may not hold), without building: for 'plugin validate'.
     */
    public static List<Problem> contentProblems(Path folder) throws IOException {
        List<Problem> problems = new ArrayList<>();
        collect(folder, problems);
        return problems;
    }

    /** Every regular file of the plugin, except hidden files, build output and an old manifest; code is refused. */
    private static TreeMap<String, Path> collect(Path folder, List<Problem> problems) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        Path root = folder.toRealPath();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                if (!dir.equals(root) && (name.startsWith(".") || name.equals("target") || name.equals("bin"))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = root.relativize(file).toString().replace('\\', '/');
                if (file.getFileName().toString().startsWith(".") || rel.equals("META-INF/MANIFEST.MF")
                        || rel.endsWith(".jar")) {
                    return FileVisitResult.CONTINUE;
                }
                if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(new Problem(Severity.ERROR, root.toString(), rel, 0, 0,
                            NLS.bind(Messages.Build_link, rel), NLS.bind(Messages.Build_link_fix, null)));
                } else if (attrs.size() > DescriptorLoader.MAX_RESOURCE_BYTES) {
                    problems.add(new Problem(Severity.ERROR, root.toString(), rel, 0, 0,
                            NLS.bind(Messages.Load_tooLarge, attrs.size(), DescriptorLoader.MAX_RESOURCE_BYTES),
                            NLS.bind(Messages.Load_tooLarge_fix, null)));
                } else {
                    // Data only: the same rule the installer applies, told to the author before a jar exists.
                    DataOnlyCheck.checkFile(root, rel).ifPresentOrElse(problems::add, () -> files.put(rel, file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}
