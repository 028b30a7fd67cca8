package io.groupdeal.ear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EAR as the build made it (surefire runs this in the package phase, after ear:ear): skinny, so that every class
 * is packed exactly once, whether in lib/, the EJB module or the WAR.
 */
class EarLayoutTest {

    private static final String WAR = "deal-web.war";
    private static final String EJB = "deal-ejb.jar";

    /** Archive path inside the EAR (a WAR's jars as {@code deal-web.war!/WEB-INF/lib/x.jar}) to its class names. */
    private static final Map<String, List<String>> CLASSES_BY_ARCHIVE = new TreeMap<>();

    private static final List<String> EAR_ENTRIES = new ArrayList<>();
    private static final List<String> WAR_ENTRIES = new ArrayList<>();
    private static String applicationXml;
    private static Manifest warManifest;
    private static Manifest ejbManifest;

    @BeforeAll
    static void readEar() throws IOException {
        String file = System.getProperty("deal.ear.file");
        assertTrue(file != null, "Run by surefire from deal-ear: system property deal.ear.file is not set");
        try (ZipFile ear = new ZipFile(Path.of(file).toFile())) {
            for (ZipEntry entry : ear.stream().toList()) {
                EAR_ENTRIES.add(entry.getName());
                if (entry.getName().equals("META-INF/application.xml")) {
                    try (InputStream in = ear.getInputStream(entry)) {
                        applicationXml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                } else if (entry.getName().equals(WAR)) {
                    try (InputStream in = ear.getInputStream(entry)) {
                        readWar(in.readAllBytes());
                    }
                } else if (entry.getName().endsWith(".jar")) {
                    try (InputStream in = ear.getInputStream(entry)) {
                        byte[] jar = in.readAllBytes();
                        CLASSES_BY_ARCHIVE.put(entry.getName(), classes(jar));
                        if (entry.getName().equals(EJB)) {
                            ejbManifest = manifest(jar);
                        }
                    }
                }
            }
        }
    }

    private static void readWar(byte[] war) throws IOException {
        List<String> webInfClasses = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(war))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                WAR_ENTRIES.add(name);
                if (name.startsWith("WEB-INF/lib/") && name.endsWith(".jar")) {
                    CLASSES_BY_ARCHIVE.put(WAR + "!/" + name, classes(in.readAllBytes()));
                } else if (name.startsWith("WEB-INF/classes/") && name.endsWith(".class")) {
                    webInfClasses.add(name.substring("WEB-INF/classes/".length()));
                } else if (name.equals("META-INF/MANIFEST.MF")) {
                    warManifest = new Manifest(new ByteArrayInputStream(in.readAllBytes()));
                }
            }
        }
        CLASSES_BY_ARCHIVE.put(WAR + "!/WEB-INF/classes", webInfClasses);
    }

    @Test
    void everyClassIsPackedOnce() {
        Map<String, List<String>> archivesByClass = new HashMap<>();
        CLASSES_BY_ARCHIVE.forEach((archive, classes) -> classes.forEach(
                c -> archivesByClass.computeIfAbsent(c, k -> new ArrayList<>()).add(archive)));
        Map<String, List<String>> twice = new TreeMap<>();
        archivesByClass.forEach((c, archives) -> {
            if (archives.size() > 1) {
                twice.put(c, archives);
            }
        });
        assertTrue(
                twice.isEmpty(),
                () -> twice.size() + " classes are packed more than once, e.g. "
                        + twice.entrySet().stream().limit(5).toList());
        assertTrue(archivesByClass.size() > 1000, "the archives were read: " + archivesByClass.size() + " classes");
    }

    @Test
    void sharedJarsAreInLibAndTheEjbModuleIsAModule() {
        for (String artifact : List.of("deal-persistence", "flyway-core", "flyway-mysql", "mysql-connector-j")) {
            assertEquals(
                    1,
                    EAR_ENTRIES.stream()
                            .filter(e -> e.startsWith("lib/") && e.contains(artifact))
                            .count(),
                    () -> artifact + " once in lib/: " + EAR_ENTRIES);
        }
        assertTrue(EAR_ENTRIES.contains(EJB), () -> EAR_ENTRIES.toString());
        assertTrue(
                WAR_ENTRIES.stream().noneMatch(e -> e.startsWith("WEB-INF/lib/") && e.endsWith(".jar")),
                () -> "the WAR packs no jar of its own: " + WAR_ENTRIES);
    }

    @Test
    void modulesAreDeclaredWithTheWebAppAtTheRoot() {
        assertTrue(applicationXml.contains("<ejb>" + EJB + "</ejb>"), applicationXml);
        assertTrue(applicationXml.contains("<web-uri>" + WAR + "</web-uri>"), applicationXml);
        assertTrue(applicationXml.contains("<context-root>/</context-root>"), applicationXml);
        assertTrue(applicationXml.contains("<library-directory>lib</library-directory>"), applicationXml);
    }

    @Test
    void modulesDoNotNameLibJarsAgainOnTheirClassPath() {
        // lib/ is visible to every module; a Class-Path naming its jars too would show resources twice
        assertEquals(null, warManifest.getMainAttributes().get(Attributes.Name.CLASS_PATH));
        assertEquals(null, ejbManifest.getMainAttributes().get(Attributes.Name.CLASS_PATH));
    }

    private static List<String> classes(byte[] jar) throws IOException {
        List<String> classes = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                // multi-release variants and module descriptors legitimately repeat names
                if (name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")) {
                    classes.add(name);
                }
            }
        }
        return classes;
    }

    private static Manifest manifest(byte[] jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    return new Manifest(new ByteArrayInputStream(in.readAllBytes()));
                }
            }
        }
        return new Manifest();
    }
}
