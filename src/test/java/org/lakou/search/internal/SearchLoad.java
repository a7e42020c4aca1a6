package org.lakou.search.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.solr.client.solrj.SolrQuery;
import org.lakou.search.SearchParameters;
import org.lakou.search.SearchQuery;
import org.lakou.shared.Viewer;
import org.lakou.thesaurus.Concept;

/**
 * The search half of the 100k benchmark: a query set drawn from the corpus vocabulary, each query
 * sent to {@code /api/search} over HTTP and, as the same Solr request Lakou builds for it (the
 * expander and {@link SolrQueries#build}, the calls SearchService makes), straight to Solr with SolrJ.
 */
final class SearchLoad {

    /** One query of the set: the HTTP parameters and the raw Solr request they become. */
    record Query(String url, SolrQuery raw) {
    }

    interface Call {
        void run(int i) throws Exception;
    }

    private SearchLoad() {
    }

    /** Single words, word pairs, thesaurus labels (expanded), and some with a type or subject filter. */
    static List<SearchParameters> querySet(int n, List<Concept> subjects, long seed) {
        Random r = new Random(seed);
        List<SearchParameters> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String noun = Ops100kCorpus.NOUNS[r.nextInt(Ops100kCorpus.NOUNS.length)];
            String adj = Ops100kCorpus.ADJECTIVES[r.nextInt(Ops100kCorpus.ADJECTIVES.length)];
            Concept c = subjects.get(r.nextInt(subjects.size()));
            String q;
            String type = null;
            List<String> subject = null;
            switch (i % 5) {
                case 0 -> q = noun;
                case 1 -> q = noun + " " + adj;
                case 2 -> q = c.label("fr").toLowerCase();
                case 3 -> {
                    q = noun;
                    subject = List.of(subjects.get(r.nextInt(subjects.size())).uri());
                }
                default -> {
                    q = noun + " " + Ops100kCorpus.PLACES[r.nextInt(Ops100kCorpus.PLACES.length)].replace('-', ' ');
                    type = r.nextBoolean() ? "rapport" : null;
                }
            }
            out.add(new SearchParameters(q, type, null, null, null, null, null, null, null, null, null, subject,
                    null, null, null, null));
        }
        return out;
    }

    static Query prepare(String baseUrl, SearchParameters p, QueryExpander expander) {
        StringBuilder u = new StringBuilder(baseUrl).append("/api/search?q=").append(enc(p.q()));
        if (p.type() != null) {
            u.append("&type=").append(enc(p.type()));
        }
        if (p.subject() != null) {
            p.subject().forEach(s -> u.append("&subject=").append(enc(s)));
        }
        SearchQuery sq = p.toQuery();
        QueryExpander.Expanded e = expander.expand(sq.q(), sq.lang(), sq.expand());
        return new Query(u.toString(), SolrQueries.build(sq, e.q(), e.applied(), Viewer.ANONYMOUS));
    }

    static int get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body().length();
    }

    /** {lakou ms, raw ms} per pair; the pair's order alternates so neither side always runs second. */
    static double[][] interleaved(int pairs, Call lakou, Call raw) throws Exception {
        double[] l = new double[pairs];
        double[] b = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            if (i % 2 == 0) {
                l[i] = timed(lakou, i);
                b[i] = timed(raw, i);
            } else {
                b[i] = timed(raw, i);
                l[i] = timed(lakou, i);
            }
        }
        return new double[][] {l, b};
    }

    private static double timed(Call c, int i) throws Exception {
        long t = System.nanoTime();
        c.run(i);
        return (System.nanoTime() - t) / 1e6;
    }

    /** Requests per second with {@code clients} threads each making {@code perClient} calls. */
    static double throughput(int clients, int perClient, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long t = System.nanoTime();
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c * 7919;
                all.add(pool.submit(() -> {
                    for (int j = 0; j < perClient; j++) {
                        call.run(offset + j);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
            return clients * perClient / ((System.nanoTime() - t) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    static double pct(double[] xs, double p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
