package org.lakou.search.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The results page's links: the current query with one thing changed. Every refinement goes back
 * to the first page. Templates call it ({@code ${links.with('type', v)}}), so facets stay plain
 * links that work without JavaScript and can be bookmarked.
 */
public final class SearchLinks {

    static final String PATH = "/recherche";
    private final MultiValueMap<String, String> params;

    SearchLinks(MultiValueMap<String, String> params) {
        this.params = new LinkedMultiValueMap<>();
        params.forEach((k, v) -> v.stream().filter(s -> s != null && !s.isBlank())
                .forEach(s -> this.params.add(k, s)));
        this.params.remove("lang");
    }

    public String with(String name, Object value) {
        MultiValueMap<String, String> p = copy();
        p.remove("page");
        p.set(name, String.valueOf(value));
        return url(p);
    }

    public String without(String name) {
        MultiValueMap<String, String> p = copy();
        p.remove("page");
        p.remove(name);
        return url(p);
    }

    public String addSubject(String uri) {
        MultiValueMap<String, String> p = copy();
        p.remove("page");
        List<String> subjects = new ArrayList<>(p.getOrDefault("sujet", List.of()));
        if (!subjects.contains(uri)) {
            subjects.add(uri);
        }
        p.put("sujet", subjects);
        return url(p);
    }

    public String removeSubject(String uri) {
        MultiValueMap<String, String> p = copy();
        p.remove("page");
        List<String> subjects = new ArrayList<>(p.getOrDefault("sujet", List.of()));
        subjects.remove(uri);
        p.put("sujet", subjects);
        return url(p);
    }

    public boolean has(String name, Object value) {
        return params.getOrDefault(name, List.of()).contains(String.valueOf(value));
    }

    public String page(int oneBased) {
        MultiValueMap<String, String> p = copy();
        p.set("page", Integer.toString(oneBased));
        return url(p);
    }

    public record Param(String name, String value) {
    }

    /** The current parameters but these, as hidden fields of a form that sets them (the sort). */
    public List<Param> keptExcept(String... names) {
        List<String> dropped = List.of(names);
        List<Param> out = new ArrayList<>();
        params.forEach((k, v) -> {
            if (!dropped.contains(k)) {
                v.forEach(value -> out.add(new Param(k, value)));
            }
        });
        return out;
    }

    /** Page numbers around the current one, for the pager. */
    public static List<Integer> around(int current, long last) {
        List<Integer> out = new ArrayList<>();
        for (int n = Math.max(1, current - 3); n <= Math.min(last, current + 3); n++) {
            out.add(n);
        }
        return out;
    }

    /** Filters in force other than the query, the sort and the page: what an empty result may drop. */
    public boolean filtered() {
        return params.keySet().stream().anyMatch(k -> !List.of("q", "tri", "page", "elargir").contains(k));
    }

    private MultiValueMap<String, String> copy() {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>();
        params.forEach((k, v) -> p.put(k, new ArrayList<>(v)));
        return p;
    }

    static String url(MultiValueMap<String, String> p) {
        return UriComponentsBuilder.fromPath(PATH).queryParams(p).encode().build().toUriString();
    }
}
