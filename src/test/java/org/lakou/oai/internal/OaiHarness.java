package org.lakou.oai.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.FileRef;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;
import org.lakou.catalogue.TextStatus;

/** The provider over in-memory fakes, with a hand-moved clock: no Spring, no Solr. */
public final class OaiHarness {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    /** What {@code lakou.public-url} or the request would say; tests change it. */
    public final FixedPublicUrl publicUrl = new FixedPublicUrl();
    final InMemoryVocabulary vocabulary = new InMemoryVocabulary();
    final OaiProperties properties;
    final InMemoryRecordSource source;
    public final OaiProvider provider;

    public OaiHarness(int pageSize) {
        this(pageSize, null, null);
        publicUrl.base = "https://doc.villecaraibe.com";
        publicUrl.configured = true;
    }

    /** With the older settings {@code lakou.oai.public-url} and {@code lakou.oai.base-url}, or nulls. */
    public OaiHarness(int pageSize, String oaiPublicUrl, String oaiBaseUrl) {
        properties = new OaiProperties("Centre de ressources Ville caraïbe", oaiPublicUrl, oaiBaseUrl,
                "documentation@villecaraibe.com", "villecaraibe.com", pageSize, Duration.ofHours(24), null,
                new OaiProperties.Harvest(2, Duration.ofMillis(10), Duration.ofSeconds(5),
                        Duration.ofSeconds(30)));
        source = new InMemoryRecordSource(clock, properties, vocabulary);
        TokenKeys keys = new TokenKeys() {
            @Override
            public byte[] key() {
                return "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public Instant since() {
                return START;
            }
        };
        provider = new OaiProvider(properties, new OaiAddress(properties, publicUrl), source,
                new SetCatalogue(new SetSpecs(vocabulary), source, clock, Duration.ofSeconds(1)), keys, clock);
    }

    /** Query-string style: "verb=ListRecords&metadataPrefix=oai_dc"; repeat a key to repeat it. */
    public String get(String query) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                multi.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, String[]> params = new LinkedHashMap<>();
        multi.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        provider.handle(params, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    public static Record record(String id, String title, List<String> subjects, String type, boolean deleted,
            RecordStatus status, Instant modified) {
        FileRef file = new FileRef("a3f1" + id, "rapport-" + id + ".pdf", "application/pdf", 120_000, 12, 30_000,
                false, TextStatus.EXTRACTED);
        return new Record(id, title, "diagnostic partagé", List.of("Marie-Josée Théodore", "Agence d'urbanisme de Martinique"),
                "Centre de ressources politique de la ville de Martinique", "2011-06", type, "fr",
                "Synthèse des ateliers conduits avec les habitants & les bailleurs <sociaux> du quartier.",
                subjects, List.of(InMemoryVocabulary.FDF, "Sainte-Thérèse"), "Cahiers de Ville caraïbe",
                AccessLevel.PUBLIC, status, List.of(file), List.of(), modified.minusSeconds(3600), modified, 3,
                deleted, List.of());
    }

    public static Record published(String id, String title, String... subjects) {
        return record(id, title, List.of(subjects), "rapport", false, RecordStatus.PUBLISHED, START);
    }

    public static String errorCode(String xml) {
        Matcher m = Pattern.compile("<error code=\"([^\"]+)\"").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    public static String token(String xml) {
        Matcher m = Pattern.compile("<resumptionToken[^>]*>([^<]+)</resumptionToken>").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    public static String attribute(String xml, String element, String attribute) {
        Matcher m = Pattern.compile("<" + element + "\\b[^>]*\\b" + attribute + "=\"([^\"]*)\"").matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    public static List<String> all(String xml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(xml);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The shared PublicUrl with an address the test sets: configured, or as if read from a request. */
    public static final class FixedPublicUrl implements org.lakou.shared.PublicUrl {
        public volatile String base = "http://localhost:8080";
        public volatile boolean configured;

        @Override
        public String base() {
            return base;
        }

        @Override
        public boolean configured() {
            return configured;
        }

        @Override
        public java.util.Optional<String> filesBase() {
            return java.util.Optional.empty();
        }
    }

    /** Makes the feed's store fail with anything but an outage: a bug, a class missing at run time. */
    public void storeBroken(Throwable failure) {
        source.broken = failure;
    }

    /** Makes the feed's store fail, as Solr down would. */
    public void storeDown(boolean down) {
        source.down = down;
    }
}
