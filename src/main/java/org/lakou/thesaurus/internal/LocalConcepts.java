package org.lakou.thesaurus.internal;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.lakou.thesaurus.Concept;
import org.lakou.thesaurus.LocalConceptCommand;
import org.lakou.thesaurus.ThesaurusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The local extension scheme. Its concepts live in Mongo ({@code thesaurus_local}, a small
 * collection read whole only when the snapshot is rebuilt) and join the reading API under their
 * broader concepts.
 */
@Component
class LocalConcepts {

    static final String COLLECTION = "thesaurus_local";
    private static final int SLUG_ATTEMPTS = 20;

    private final MongoTemplate mongo;
    private final VersionStore store;
    private final ThesaurusState state;
    private final ThesaurusProperties props;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LocalConcepts(MongoTemplate mongo, VersionStore store, ThesaurusState state, ThesaurusProperties props,
            ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.state = state;
        this.props = props;
        this.events = events;
        this.clock = clock;
    }

    synchronized Concept add(LocalConceptCommand cmd) {
        ConceptGraph graph = state.graph();
        Concept broader = graph.byUri.get(cmd.broader());
        if (broader == null) {
            throw ApiException.badRequest("The broader concept " + cmd.broader() + " is not in any current scheme")
                    .with("field", "broader");
        }
        String folded = LabelNormalizer.normalize(cmd.prefLabel());
        graph.labels.find(cmd.prefLabel(), cmd.lang())
                .filter(c -> c.prefLabels().values().stream().anyMatch(l -> LabelNormalizer.normalize(l).equals(folded)))
                .ifPresent(c -> {
                    throw ApiException.conflict("A concept with this label already exists: " + c.uri())
                            .with("existing", c.uri());
                });
        LocalConceptDocument doc = insert(cmd);
        int revision = store.bumpLocal(props.localSchemeUri());
        ConceptGraph next = state.put(current(revision));
        events.publishEvent(new ThesaurusChanged(props.localSchemeUri(), revision, Set.of(doc.uri())));
        return next.byUri.get(doc.uri());
    }

    /** The local scheme as it stands in Mongo, at {@code revision}. */
    SchemeState current(int revision) {
        List<LocalConceptDocument> docs = mongo.findAll(LocalConceptDocument.class, COLLECTION).stream()
                .sorted(java.util.Comparator.comparing(LocalConceptDocument::created)).toList();
        return SchemeState.of(VersionStore.LOCAL_ID, props.localSchemeUri(), revision,
                LocalSchemeModel.build(docs, props), true);
    }

    /** Claims a readable slug; a taken slug gets a suffix, and a label with no usable letters a random id. */
    private LocalConceptDocument insert(LocalConceptCommand cmd) {
        String base = LabelNormalizer.slug(cmd.prefLabel(), 60);
        for (int i = 1; i <= SLUG_ATTEMPTS; i++) {
            String id = base.isEmpty() || i == SLUG_ATTEMPTS ? Ids.newId() : i == 1 ? base : base + "-" + i;
            LocalConceptDocument doc = new LocalConceptDocument(id, props.conceptUri(id), cmd.prefLabel().trim(),
                    cmd.lang(), cmd.broader(), cmd.altLabels(), cmd.scopeNote(), clock.instant());
            if (state.graph().byUri.containsKey(doc.uri())) {
                continue;
            }
            try {
                return mongo.insert(doc, COLLECTION);
            } catch (DuplicateKeyException taken) {
                // another documentalist took this slug: try the next one
            }
        }
        throw new IllegalStateException("Could not mint an id for " + cmd.prefLabel());
    }
}
