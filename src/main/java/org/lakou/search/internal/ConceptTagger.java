package org.lakou.search.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.GenericSolrRequest;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrDocumentList;
import org.apache.solr.common.SolrException;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.apache.solr.common.util.NamedList;
import org.springframework.stereotype.Component;

/**
 * Sends a text to the concepts core's Tagger ({@code /tag}) as the request body and reads back
 * the mentions: offsets, the words as written, and the concepts whose labels they match.
 */
@Component
class ConceptTagger {

    /** One mention in the text; {@code conceptUris} has several entries when labels collide. */
    record Mention(int start, int end, String text, List<String> conceptUris) {
    }

    /** A concept the tagged text mentions, as the core stores it. */
    record TaggedConcept(String uri, String scheme, int depth) {
    }

    record Tagged(List<Mention> mentions, Map<String, TaggedConcept> concepts) {
    }

    private final SolrConnection solr;

    ConceptTagger(SolrConnection solr) {
        this.solr = solr;
    }

    /**
     * @param filterQuery restricts the concepts looked for, e.g. to some schemes; null for all
     * @throws SolrUnavailableException when the core cannot answer
     */
    Tagged tag(String text, String filterQuery) {
        if (text == null || text.isBlank()) {
            return new Tagged(List.of(), Map.of());
        }
        ModifiableSolrParams params = new ModifiableSolrParams();
        if (filterQuery != null) {
            params.add("fq", filterQuery);
        }
        GenericSolrRequest req = new GenericSolrRequest(SolrRequest.METHOD.POST, "/tag", params)
                .setRequiresCollection(true)
                .withContent(text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");
        NamedList<Object> rsp;
        try {
            rsp = solr.client().request(req, solr.conceptsCollection());
        } catch (SolrServerException | IOException | SolrException e) {
            throw new SolrUnavailableException("Tagger request failed", e);
        }
        return new Tagged(mentions(rsp.get("tags")), concepts(rsp.get("response")));
    }

    private static List<Mention> mentions(Object tags) {
        List<Mention> out = new ArrayList<>();
        if (!(tags instanceof List<?> list)) {
            return out;
        }
        for (Object t : list) {
            Map<String, Object> m = asMap(t);
            Object ids = m.get("ids");
            List<String> uris = ids instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            out.add(new Mention(intOf(m.get("startOffset")), intOf(m.get("endOffset")),
                    m.get("matchText") == null ? "" : m.get("matchText").toString(), uris));
        }
        return out;
    }

    private static Map<String, TaggedConcept> concepts(Object response) {
        Map<String, TaggedConcept> out = new HashMap<>();
        if (response instanceof SolrDocumentList docs) {
            for (SolrDocument d : docs) {
                String id = String.valueOf(d.getFirstValue("id"));
                Object scheme = d.getFirstValue("scheme");
                out.put(id, new TaggedConcept(id, scheme == null ? null : scheme.toString(),
                        intOf(d.getFirstValue("depth"))));
            }
        }
        return out;
    }

    /** A tag is a NamedList over javabin (and embedded), a flat key/value list in some JSON shapes. */
    private static Map<String, Object> asMap(Object t) {
        Map<String, Object> m = new HashMap<>();
        if (t instanceof NamedList<?> nl) {
            nl.forEach((k, v) -> m.put(k, v));
        } else if (t instanceof Map<?, ?> map) {
            map.forEach((k, v) -> m.put(String.valueOf(k), v));
        } else if (t instanceof List<?> flat) {
            for (int i = 0; i + 1 < flat.size(); i += 2) {
                m.put(String.valueOf(flat.get(i)), flat.get(i + 1));
            }
        }
        return m;
    }

    private static int intOf(Object o) {
        return o instanceof Number n ? n.intValue() : o == null ? 0 : Integer.parseInt(o.toString());
    }
}
