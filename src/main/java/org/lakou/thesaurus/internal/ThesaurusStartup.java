package org.lakou.thesaurus.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.lakou.shared.ApiException;
import org.lakou.thesaurus.ThesaurusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Loads the current versions from Mongo at start-up, or, on a first start, the starter thesaurus
 * shipped in the jar. Then polls the small scheme collection, so that a version applied or a
 * local concept added on another node reaches this one.
 */
@Component
class ThesaurusStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ThesaurusStartup.class);
    static final String STARTER = "classpath*:thesaurus/*.ttl";

    private final VersionStore store;
    private final ThesaurusState state;
    private final LocalConcepts local;
    private final VersionService versions;
    private final ThesaurusProperties props;
    private final ApplicationEventPublisher events;
    private volatile boolean started;

    ThesaurusStartup(VersionStore store, ThesaurusState state, LocalConcepts local, VersionService versions,
            ThesaurusProperties props, ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.state = state;
        this.local = local;
        this.versions = versions;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        boolean firstStart = store.schemes().stream().noneMatch(d -> !VersionStore.LOCAL_ID.equals(d.id()));
        refresh();
        if (firstStart && props.loadStarter()) {
            loadStarter();
        }
        started = true;
    }

    private void loadStarter() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(STARTER);
        Arrays.sort(files, Comparator.comparing(r -> String.valueOf(r.getFilename())));
        if (files.length == 0) {
            log.info("No starter thesaurus on the classpath ({}); starting with no scheme", STARTER);
        }
        for (Resource r : files) {
            try (InputStream in = r.getInputStream()) {
                var result = versions.importScheme(in.readAllBytes(), r.getFilename(), "text/turtle", "starter", true);
                log.info("Starter thesaurus {}: scheme {} v{}, {} concepts, {} warnings", r.getFilename(),
                        result.schemeId(), result.version(), result.conceptCount(), result.report().counts().values()
                                .stream().mapToInt(Integer::intValue).sum());
            } catch (ApiException e) {
                log.error("Starter thesaurus {} refused: {}", r.getFilename(), e.getMessage());
            }
        }
    }

    /** Reloads the schemes whose current version (or local revision) differs from memory. */
    @Scheduled(initialDelayString = "${lakou.thesaurus.refresh-interval:30s}",
            fixedDelayString = "${lakou.thesaurus.refresh-interval:30s}")
    void poll() {
        if (started) {
            refresh();
        }
    }

    synchronized void refresh() {
        ConceptGraph g = state.graph();
        List<SchemeState> changed = new ArrayList<>();
        for (SchemeDocument d : store.schemes()) {
            SchemeState live = g.schemes.get(d.id());
            if (VersionStore.LOCAL_ID.equals(d.id())) {
                if (live == null || live.version() != d.lastVersion()) {
                    changed.add(local.current(d.lastVersion()));
                }
            } else if (d.currentVersion() != null && (live == null || live.version() != d.currentVersion())) {
                store.find(d.id(), d.currentVersion()).ifPresent(v ->
                        changed.add(SchemeState.of(d.id(), v.schemeUri(), v.version(), store.load(v), false)));
            }
        }
        if (!changed.isEmpty()) {
            state.put(changed.toArray(SchemeState[]::new));
            log.info("Thesaurus loaded: {}", changed.stream().map(s -> s.id() + " v" + s.version()).toList());
            if (started) {
                // another node changed it: listeners here (search) must hear of it as if it were local
                changed.forEach(s -> events.publishEvent(new ThesaurusChanged(s.uri(), s.version(),
                        s.concepts().stream().map(ConceptData::uri).collect(java.util.stream.Collectors.toSet()))));
            }
        }
    }
}
