package io.groupdeal.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The build's check of the product's two languages: every bundle with a Simplified Chinese twin has the same keys in
 * both and no blank word; every page keeps the words people read in the bundle ({@code #{msg['...']}}), never as
 * literal text; and every key a page or a page bean names exists. Runs with the unit tests of {@code ./mvnw verify}.
 */
class PageWordsTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path WEBAPP = MODULE.resolve("src/main/webapp");
    private static final Path PAGE_BEANS = MODULE.resolve("src/main/java/io/groupdeal/interfaces/web");
    private static final Path PAGE_BUNDLE =
            MODULE.resolve("src/main/resources/io/groupdeal/interfaces/web/messages.properties");
    private static final List<Path> RESOURCES = List.of(
            MODULE.resolve("src/main/resources"),
            MODULE.resolveSibling("deal-ejb").resolve("src/main/resources"));

    /**
     * Words that are the same in every language, as whole words: the brand and its initial (the logo), the zone id
     * a select offers as its first choice, and the shape of a coupon code (XXXX-XXXX-XXXX-X) the counter shows.
     */
    private static final Pattern SAME_IN_EVERY_LANGUAGE = Pattern.compile("\\b(GroupDeal|G|UTC|X{4}(-X{1,4})+)\\b");

    /** Pages left out by name, while a change translates them (none now: every page is checked). */
    private static final Set<String> NOT_CHECKED_YET = Set.of();

    private static final String FACES_HTML = "jakarta.faces.html";

    /** Attributes people read (the value of buttons and labels is checked apart, see {@link #readsValue}). */
    private static final Set<String> READ_ATTRIBUTES = Set.of(
            "title",
            "alt",
            "placeholder",
            "aria-label",
            "label",
            "itemLabel",
            "requiredMessage",
            "converterMessage",
            "validatorMessage",
            "data-confirm",
            "data-empty");

    /** Elements whose text is code, not words. */
    private static final Set<String> CODE_ELEMENTS = Set.of("script", "style");

    private static final Pattern EXPRESSION = Pattern.compile("[#$]\\{[^}]*}");
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([^']+)']");
    private static final Pattern BEAN_KEY = Pattern.compile("Words\\.of\\((?:[^,()]+, )?\"([a-z][A-Za-z0-9_.]+)\"");

    @Test
    void everyBundleHasTheSameKeysInBothLanguagesAndNoBlankWord() throws IOException {
        List<Path> bundles = new ArrayList<>();
        for (Path root : RESOURCES) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith("_zh_CN.properties"))
                            .forEach(bundles::add);
                }
            }
        }
        assertTrue(
                bundles.contains(PAGE_BUNDLE.resolveSibling("messages_zh_CN.properties")),
                "the pages' bundle is found");
        List<String> problems = new ArrayList<>();
        for (Path chinese : bundles) {
            Path english = chinese.resolveSibling(
                    chinese.getFileName().toString().replace("_zh_CN.properties", ".properties"));
            problems.addAll(compare(english, chinese));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMissingKeyOrABlankWordIsFound() {
        Map<String, String> english = Map.of("page.a", "Deals", "page.b", "Log in");
        Map<String, String> chinese = Map.of("page.a", "团购", "page.c", " ");
        assertEquals(
                List.of("zh: missing page.b", "en: missing page.c", "zh: blank page.c"),
                compare("en", english, "zh", chinese));
    }

    @Test
    void noPageHasLiteralWords() throws IOException {
        Map<String, List<String>> literal = new TreeMap<>();
        try (Stream<Path> pages = Files.walk(WEBAPP)) {
            for (Path page :
                    pages.filter(p -> p.toString().endsWith(".xhtml")).sorted().toList()) {
                if (NOT_CHECKED_YET.contains(WEBAPP.relativize(page).toString().replace('\\', '/'))) {
                    continue;
                }
                List<String> found = literalWords(Files.readString(page));
                if (!found.isEmpty()) {
                    literal.put(WEBAPP.relativize(page).toString(), found);
                }
            }
        }
        assertEquals(Map.of(), literal, "words people read belong in the bundle, as #{msg['page.<page>.<key>']}");
    }

    @Test
    void literalEnglishInAPageIsFound() {
        String page = """
                <ui:composition xmlns="http://www.w3.org/1999/xhtml" xmlns:h="jakarta.faces.html"
                                xmlns:ui="jakarta.faces.facelets" xmlns:pt="jakarta.faces.passthrough">
                    <h2>#{msg['page.x.title']}</h2>
                    <p class="muted">Try again later</p>
                    <span>GroupDeal · #{msg['layout.tagline']} — 5 %</span>
                    <h:commandButton value="Save" action="#{x.save}"/>
                    <h:commandButton value="#{msg['common.save']}" action="#{x.save}"/>
                    <input type="hidden" name="back" value="/here"/>
                    <button type="submit" name="to" value="en">#{msg['layout.language.en']}</button>
                    <input type="submit" value="Send"/>
                    <input type="text" placeholder="ramen…" pt:data-confirm="#{msg['a']}"/>
                    <h:inputText pt:placeholder="none" title="#{x.count} of #{x.total}"/>
                    <img src="x.png" alt="QR code of #{c.code}"/>
                    <script>var label = 'Sold';</script>
                </ui:composition>
                """;
        assertEquals(
                List.of(
                        "text: Try again later",
                        "value: Save",
                        "value: Send",
                        "placeholder: ramen…",
                        "placeholder: none",
                        "title: of",
                        "alt: QR code of"),
                literalWords(page));
    }

    @Test
    void everyKeyPagesAndPageBeansNameExists() throws IOException {
        Properties words = load(PAGE_BUNDLE);
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(
                Files.walk(WEBAPP).filter(p -> p.toString().endsWith(".xhtml")),
                Files.walk(PAGE_BEANS).filter(p -> p.toString().endsWith(".java")))) {
            for (Path file : files.toList()) {
                // a call the formatter broke after "(" or "," is read as written on one line
                String text = Files.readString(file).replaceAll("\\(\\s+", "(").replaceAll(",\\s+", ", ");
                for (Pattern key : List.of(PAGE_KEY, BEAN_KEY)) {
                    Matcher m = key.matcher(text);
                    while (m.find()) {
                        if (!words.containsKey(m.group(1))) {
                            missing.add(m.group(1) + " (" + file.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
        assertFalse(words.isEmpty());
    }

    /** What a page says in literal words: text nodes and read attributes, once the expressions are taken out. */
    static List<String> literalWords(String xhtml) {
        List<String> found = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            SAXParser parser = factory.newSAXParser();
            parser.parse(new InputSource(new StringReader(xhtml)), new DefaultHandler() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public void startElement(String uri, String local, String qName, Attributes attributes) {
                    flush();
                    open.push(local);
                    for (int i = 0; i < attributes.getLength(); i++) {
                        String name = attributes.getLocalName(i);
                        if (READ_ATTRIBUTES.contains(name)
                                || "value".equals(name) && readsValue(uri, local, attributes)) {
                            words(attributes.getValue(i)).ifPresent(w -> found.add(name + ": " + w));
                        }
                    }
                }

                @Override
                public void endElement(String uri, String local, String qName) {
                    flush();
                    open.pop();
                }

                @Override
                public void characters(char[] ch, int start, int length) {
                    if (open.isEmpty() || !CODE_ELEMENTS.contains(open.peek())) {
                        text.append(ch, start, length);
                    }
                }

                private void flush() {
                    words(text.toString()).ifPresent(w -> found.add("text: " + w));
                    text.setLength(0);
                }
            });
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("a page that is not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** A {@code value} people read: of buttons and labels, not of inputs, hidden fields and links. */
    private static boolean readsValue(String namespace, String element, Attributes attributes) {
        if (FACES_HTML.equals(namespace)) {
            return Set.of("commandButton", "commandLink", "outputLabel", "outputText", "button")
                    .contains(element);
        }
        // An HTML button's value is sent, not shown; an input's is shown only on the buttons it makes.
        String type = attributes.getValue("type");
        return "input".equals(element) && ("submit".equals(type) || "button".equals(type) || "reset".equals(type));
    }

    /** The literal words of a text or attribute: what is left after expressions, the brand and symbols. */
    private static java.util.Optional<String> words(String value) {
        String left = EXPRESSION.matcher(value).replaceAll(" ");
        left = SAME_IN_EVERY_LANGUAGE.matcher(left).replaceAll(" ");
        left = left.strip().replaceAll("\\s+", " ");
        return left.codePoints().anyMatch(Character::isLetter)
                ? java.util.Optional.of(left)
                : java.util.Optional.empty();
    }

    private static List<String> compare(Path english, Path chinese) {
        return compare(english.toString(), map(load(english)), chinese.toString(), map(load(chinese)));
    }

    private static List<String> compare(
            String englishName, Map<String, String> english, String chineseName, Map<String, String> chinese) {
        List<String> problems = new ArrayList<>();
        new TreeSet<>(english.keySet())
                .stream()
                        .filter(k -> !chinese.containsKey(k))
                        .forEach(k -> problems.add(chineseName + ": missing " + k));
        new TreeSet<>(chinese.keySet())
                .stream()
                        .filter(k -> !english.containsKey(k))
                        .forEach(k -> problems.add(englishName + ": missing " + k));
        new TreeMap<>(english).forEach((k, v) -> {
            if (v.isBlank()) {
                problems.add(englishName + ": blank " + k);
            }
        });
        new TreeMap<>(chinese).forEach((k, v) -> {
            if (v.isBlank()) {
                problems.add(chineseName + ": blank " + k);
            }
        });
        return problems;
    }

    private static Map<String, String> map(Properties properties) {
        Map<String, String> map = new TreeMap<>();
        properties.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }

    private static Properties load(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
