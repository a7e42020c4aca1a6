package org.lakou.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The French and English bundles say the same things, and every key a template names exists. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void frenchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> fr = new TreeSet<>(load("messages_fr.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> onlyFr = new TreeSet<>(fr);
        onlyFr.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(fr);
        assertThat(onlyFr).as("keys only in messages_fr").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en").isEmpty();
        assertThat(load("messages_fr.properties").values()).as("no empty text").noneMatch(v -> v.toString().isBlank());
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundle() throws IOException {
        Properties fr = load("messages_fr.properties");
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    if (!fr.containsKey(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
