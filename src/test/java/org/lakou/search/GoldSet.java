package org.lakou.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The hand-indexed gold set ({@code src/test/resources/gold/*.txt}) and precision/recall at k
 * of the suggester on it. Precision divides by the number of suggestions returned (at most k),
 * so a document with two good subjects and two suggestions scores 1.0; recall divides by the
 * number of gold subjects. Both are macro-averaged over the documents.
 */
public final class GoldSet {

    static final String LKT = "https://w3id.org/lakou/thesaurus/thematique/";
    static final String LKG = "https://w3id.org/lakou/thesaurus/territoires/";

    public record Doc(String name, String title, String text, Set<String> subjects) {
    }

    public record Scores(double precision, double recall, List<String> perDocument) {
    }

    private GoldSet() {
    }

    public static List<Doc> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:gold/*.txt");
            Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            List<Doc> out = new ArrayList<>();
            for (Resource r : files) {
                try (InputStream in = r.getInputStream()) {
                    out.add(parse(r.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Doc parse(String name, String content) {
        int sep = content.indexOf("\n---\n");
        String title = null;
        Set<String> subjects = new HashSet<>();
        for (String line : content.substring(0, sep).split("\n")) {
            if (line.startsWith("title:")) {
                title = line.substring(6).strip();
            } else if (line.startsWith("subjects:")) {
                for (String s : line.substring(9).strip().split("\\s+")) {
                    subjects.add(s.replace("lkt:", LKT).replace("lkg:", LKG));
                }
            }
        }
        return new Doc(name, title, content.substring(sep + 5).strip(), subjects);
    }

    public static Scores score(List<Doc> docs, SubjectSuggester suggester, int k) {
        double p = 0;
        double r = 0;
        List<String> lines = new ArrayList<>();
        for (Doc d : docs) {
            List<String> top = suggester.suggest(d.title(), d.text(), k).stream().map(SubjectSuggestion::uri).toList();
            long hits = top.stream().filter(d.subjects()::contains).count();
            double dp = top.isEmpty() ? 0 : (double) hits / top.size();
            double dr = (double) hits / d.subjects().size();
            p += dp;
            r += dr;
            lines.add(String.format(java.util.Locale.ROOT, "%s: P=%.2f R=%.2f top=%s", d.name(), dp, dr,
                    top.stream().map(u -> u.substring(u.lastIndexOf('/') + 1)).toList()));
        }
        return new Scores(p / docs.size(), r / docs.size(), lines);
    }
}
