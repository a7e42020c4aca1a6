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

    /** Every bundle the site loads, French or English, merged: a key may live in any of them. */
    private static Properties all(String lang) throws IOException {
        Properties p = new Properties();
        for (String b : org.lakou.site.internal.Bundles.NAMES) {
            p.putAll(load(b + "_" + lang + ".properties"));
        }
        return p;
    }

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
        Set<String> fr = new TreeSet<>(all("fr").stringPropertyNames());
        Set<String> en = new TreeSet<>(all("en").stringPropertyNames());
        Set<String> onlyFr = new TreeSet<>(fr);
        onlyFr.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(fr);
        assertThat(onlyFr).as("keys only in messages_fr").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en").isEmpty();
        assertThat(all("fr").values()).as("no empty text").noneMatch(v -> v.toString().isBlank());
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundle() throws IOException {
        Properties fr = all("fr");
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

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        for (String lang : new String[] {"fr", "en"}) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            for (String b : org.lakou.site.internal.Bundles.NAMES) {
                load(b + "_" + lang + ".properties").stringPropertyNames().forEach(k -> {
                    if (!seen.add(k)) {
                        twice.add(k);
                    }
                });
            }
            assertThat(twice).as("keys in two " + lang + " bundles").isEmpty();
        }
    }
}
