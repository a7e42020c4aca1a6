package org.lakou.alerts.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.lakou.alerts.Alert;
import org.lakou.alerts.AlertApi;
import org.lakou.alerts.AlertCommand;
import org.lakou.catalogue.DocumentTypes;
import org.lakou.members.MemberApi;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.lakou.shared.Viewer;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Alerts as members manage them. Ownership is checked from the {@link Viewer}; someone else's
 * alert is reported missing (404) rather than forbidden, so ids cannot be probed.
 */
@Service
class AlertService implements AlertApi {

    private final AlertStore store;
    private final ThesaurusApi thesaurus;
    private final MemberApi members;
    private final AlertsProperties props;
    private final Clock clock;

    AlertService(AlertStore store, ThesaurusApi thesaurus, MemberApi members, AlertsProperties props, Clock clock) {
        this.store = store;
        this.thesaurus = thesaurus;
        this.members = members;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public Alert create(AlertCommand c) {
        String memberId = Viewer.current().memberId();
        if (memberId == null) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Alerts belong to an account");
        }
        requireKnown(c);
        if (store.countOf(memberId) >= props.maxPerMember()) {
            throw ApiException.conflict("A member may keep at most " + props.maxPerMember() + " alerts")
                    .with("reason", "too-many-alerts");
        }
        AlertDocument d = new AlertDocument();
        d.id = Ids.newId();
        d.memberId = memberId;
        d.name = c.name().trim();
        d.concepts = AlertStore.distinct(c.concepts());
        d.types = AlertStore.distinct(c.types());
        d.territories = AlertStore.distinct(c.territories());
        d.search = c.search();
        d.frequency = c.frequency();
        d.active = c.active();
        d.created = clock.instant();
        d.coveredUntil = d.created; // the first digest starts now: an alert is about what comes next
        return store.insert(d).toAlert();
    }

    @Override
    public List<Alert> list(String memberId) {
        Viewer v = Viewer.current();
        String whose = memberId == null || memberId.isBlank() ? v.memberId() : memberId.trim();
        if (whose == null || !v.mayActFor(whose)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "Only staff list another member's alerts")
                    .with("reason", "forbidden");
        }
        if (!whose.equals(v.memberId())) {
            members.get(whose); // 404 for an unknown member rather than an empty list
        }
        return store.ofMember(whose).stream().map(AlertDocument::toAlert).toList();
    }

    @Override
    public Alert get(String id) {
        return owned(id).toAlert();
    }

    @Override
    public Alert update(String id, AlertCommand c) {
        AlertDocument d = owned(id);
        requireKnown(c);
        return store.replace(id, c, !d.active && c.active(), clock.instant())
                .orElseThrow(() -> ApiException.notFound("Alert", id)).toAlert();
    }

    @Override
    public void delete(String id) {
        owned(id);
        store.delete(id);
    }

    private AlertDocument owned(String id) {
        return store.find(id).filter(d -> Viewer.current().mayActFor(d.memberId))
                .orElseThrow(() -> ApiException.notFound("Alert", id));
    }

    /** A typo in a URI or a type would make a silent alert: refuse it while the member is there to see. */
    private void requireKnown(AlertCommand c) {
        if (c.concepts().isEmpty() == (c.search() == null)) {
            String field = c.search() == null ? "concepts" : "search";
            // shaped like a validation error, as a concept alert without concepts always answered
            throw ApiException.badRequest("An alert follows concepts or a saved search: give exactly one of the two")
                    .with("parameter", field).with("errors", List.of(Map.of("field", field, "message",
                            c.search() == null ? "must not be empty" : "not with concepts")));
        }
        if (c.search() != null) {
            requireValidSearch(c);
        }
        List<String> unknown = c.concepts().stream().map(String::trim).filter(u -> thesaurus.concept(u).isEmpty())
                .toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Not concepts of the thesaurus: " + String.join(", ", unknown))
                    .with("parameter", "concepts").with("unknown", unknown);
        }
        requireKnownTypes(c);
    }

    /** The search API's own checks (lengths, year order), so a saved search can always run. */
    private void requireValidSearch(AlertCommand c) {
        if (!c.types().isEmpty() || !c.territories().isEmpty()) {
            throw ApiException.badRequest("A saved search carries its own filters; types and territories are for "
                    + "concept alerts").with("parameter", "search");
        }
        SavedSearches.toQuery(c.search(), null);
        List<String> unknown = c.search().subjects().stream().map(String::trim)
                .filter(u -> thesaurus.concept(u).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Not concepts of the thesaurus: " + String.join(", ", unknown))
                    .with("parameter", "search.subjects").with("unknown", unknown);
        }
    }

    private void requireKnownTypes(AlertCommand c) {
        List<String> types = c.types().stream().map(String::trim).filter(t -> !DocumentTypes.isKnown(t)).toList();
        if (!types.isEmpty()) {
            throw ApiException.badRequest("Unknown document types: " + String.join(", ", types) + "; see DocumentTypes")
                    .with("parameter", "types").with("unknown", types);
        }
    }
}
