package org.lakou.alerts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.PublishedRecord;
import org.lakou.catalogue.Record;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberStatus;
import org.lakou.search.SearchApi;
import org.lakou.search.SearchHit;
import org.lakou.shared.Notifier;
import org.lakou.shared.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Sends the due digests. An alert is due once a period boundary (midnight, or Monday midnight)
 * has passed since what it covers; its digest lists the records first published between the two.
 * Exactly once: the digest's key {@code alert#id#period} is claimed through the {@link Notifier}
 * (an insert into {@code notices_sent}) before the mail leaves, as circulation notices are, and the
 * alert then moves past the boundary. A rerun, a second node, or a run after a crash between the
 * two finds the claim and only moves the alert on. A mail server refusal releases the claim and
 * leaves the alert where it was, so the next run retries.
 */
@Service
class DigestService {

    private static final Logger log = LoggerFactory.getLogger(DigestService.class);

    private final AlertStore alerts;
    private final AlertMatcher matcher;
    private final DigestMail mail;
    private final CatalogueApi catalogue;
    private final MemberApi members;
    private final Notifier notifier;
    private final AlertsProperties props;
    private final Clock clock;
    private final SearchApi search;

    DigestService(AlertStore alerts, AlertMatcher matcher, DigestMail mail, CatalogueApi catalogue,
            MemberApi members, Notifier notifier, AlertsProperties props, Clock clock, SearchApi search) {
        this.search = search;
        this.alerts = alerts;
        this.matcher = matcher;
        this.mail = mail;
        this.catalogue = catalogue;
        this.members = members;
        this.notifier = notifier;
        this.props = props;
        this.clock = clock;
    }

    /** An alert whose digest for {@code period} may go: it covers {@code [from, period.start)}. */
    private record Due(AlertDocument alert, Instant from, DigestPeriod period) {
    }

    /** One pass; returns how many digests this call sent. */
    int sweep() {
        List<Due> due = due(clock.instant());
        if (due.isEmpty()) {
            return 0;
        }
        // one read of the catalogue for every due alert: the union of their windows
        Instant from = due.stream().map(Due::from).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = due.stream().map(d -> d.period().start()).max(Comparator.naturalOrder()).orElseThrow();
        List<PublishedRecord> published = catalogue.publishedBetween(from, to, props.maxScan());
        if (published.size() == props.maxScan()) {
            log.warn("More than {} records published since {}; digests list the first ones (raise lakou.alerts.max-scan)",
                    props.maxScan(), from);
        }
        int sent = 0;
        for (Due d : due) {
            try {
                sent += deliver(d, published) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Digest of alert {} failed; the next run retries: {}", d.alert().id, e.toString());
            }
        }
        return sent;
    }

    private List<Due> due(Instant now) {
        List<Due> out = new ArrayList<>();
        for (AlertDocument a : alerts.active()) {
            DigestPeriod p = DigestPeriod.current(a.frequency, now, props.zone());
            Instant from = a.coveredUntil == null ? a.created : a.coveredUntil;
            if (from.isBefore(p.start())) {
                out.add(new Due(a, from, p));
            }
        }
        return out;
    }

    private boolean deliver(Due d, List<PublishedRecord> published) {
        AlertDocument a = d.alert();
        Member m = members.find(a.memberId).orElse(null);
        List<Record> hits = m == null || m.status() != MemberStatus.ACTIVE ? List.of() : hits(d, published);
        if (hits.isEmpty()) {
            // nothing to say (or nobody to say it to): the period is settled without a mail
            alerts.advance(a.id, d.period().start());
            return false;
        }
        String key = "alert#" + a.id + "#" + d.period().key();
        if (notifier.sendOnce(mail.compose(key, m, a, d.from(), hits))) {
            alerts.sent(a, key, d.from(), d.period().start(), hits.stream().map(Record::id).toList(), clock.instant());
            return true;
        }
        if (notifier.wasSent(key)) {
            alerts.advance(a.id, d.period().start()); // sent by another node, or before a crash
        }
        return false;
    }

    private List<Record> hits(Due d, List<PublishedRecord> published) {
        Predicate<Record> matches = d.alert().search == null ? matcher.of(d.alert()) : searched(d);
        return published.stream()
                .filter(p -> !p.firstPublished().isBefore(d.from()) && p.firstPublished().isBefore(d.period().start()))
                .map(PublishedRecord::record).filter(matches).toList();
    }

    /**
     * A saved search runs as its member would run it (a member's reach: members-only text too, never
     * staff-only records), narrowed to records first published since the period began; the window's
     * end and the withdrawn records are settled by the catalogue's list, as for concept alerts.
     */
    private Predicate<Record> searched(Due d) {
        Viewer member = new Viewer(d.alert().memberId, Viewer.Level.MEMBER);
        Set<String> found = search.search(SavedSearches.toQuery(d.alert().search, d.from()), member).hits().stream()
                .map(SearchHit::id).collect(Collectors.toSet());
        return r -> r.isPublic() && found.contains(r.id());
    }
}
