package org.lakou.stats.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.PublishedRecord;
import org.lakou.catalogue.Record;
import org.lakou.circulation.Checkout;
import org.lakou.circulation.CirculationApi;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberCategory;
import org.lakou.members.Role;
import org.lakou.requests.DocRequest;
import org.lakou.requests.RequestApi;
import org.lakou.stats.ActivityReport;
import org.lakou.stats.ActivityReport.Members;
import org.lakou.thesaurus.ThesaurusApi;
import org.springframework.stereotype.Component;

/**
 * Builds the activity report from the modules that own the facts: the catalogue (first
 * publications), circulation (checkouts, running or ended), requests (submissions) and this
 * module's download counters. Categories are the members' current ones; a year is the centre's
 * ({@code lakou.stats.zone}). A few scans a year, so plainness wins over precomputation.
 */
@Component
class ActivityReports {

    /** A member deleted since, or a record gone: the same word the download counters use. */
    private static final String UNKNOWN = DownloadListener.UNKNOWN;
    private static final int MEMBER_PAGE = 500;

    private final CatalogueApi catalogue;
    private final CirculationApi circulation;
    private final RequestApi requests;
    private final MemberApi members;
    private final ThesaurusApi thesaurus;
    private final DownloadCounts downloads;
    private final ZoneId zone;

    ActivityReports(CatalogueApi catalogue, CirculationApi circulation, RequestApi requests, MemberApi members,
            ThesaurusApi thesaurus, DownloadCounts downloads, StatsProperties properties) {
        this.catalogue = catalogue;
        this.circulation = circulation;
        this.requests = requests;
        this.members = members;
        this.thesaurus = thesaurus;
        this.downloads = downloads;
        this.zone = properties.zone();
    }

    ActivityReport build(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        Themes themes = new Themes(thesaurus);
        Map<String, String> categories = new HashMap<>();
        List<Checkout> checkouts = circulation.checkoutsBetween(from, to);
        List<DocRequest> submitted = requests.submittedBetween(from, to);
        Tally acquisitions = acquisitions(from, to, themes);
        Tally loans = loans(checkouts, themes, categories);
        Tally asked = requests(submitted, themes, categories);
        Tally downloaded = downloads(year, themes);
        Set<String> used = new TreeSet<>();
        List.of(acquisitions, loans, asked, downloaded).forEach(t -> used.addAll(t.themes()));
        Set<String> served = new HashSet<>();
        checkouts.forEach(c -> served.add(c.memberId()));
        submitted.forEach(r -> served.add(r.memberId()));
        return new ActivityReport(year, acquisitions.figures(), loans.figures(), asked.figures(),
                downloaded.figures(), members(from, to, served, categories), themes.labels(used));
    }

    /** Every member account, a page at a time: a centre has hundreds, not millions. */
    private Members members(Instant from, Instant to, Set<String> served, Map<String, String> categories) {
        Map<String, Long> active = new TreeMap<>();
        Map<String, Long> joined = new TreeMap<>();
        for (int page = 0;; page++) {
            List<Member> batch = members.list(null, Role.MEMBER, page, MEMBER_PAGE);
            for (Member m : batch) {
                String category = m.category() == null ? UNKNOWN : m.category().code();
                if (m.mayBorrow()) {
                    active.merge(category, 1L, Long::sum);
                }
                if (m.created() != null && !m.created().isBefore(from) && m.created().isBefore(to)) {
                    joined.merge(category, 1L, Long::sum);
                }
            }
            if (batch.size() < MEMBER_PAGE) {
                break;
            }
        }
        Map<String, Long> servedBy = new TreeMap<>();
        served.stream().filter(Objects::nonNull).forEach(id -> servedBy.merge(category(id, categories), 1L, Long::sum));
        return new Members(active, joined, servedBy);
    }

    private Tally acquisitions(Instant from, Instant to, Themes themes) {
        Tally t = new Tally(zone);
        for (PublishedRecord p : catalogue.publishedBetween(from, to, Integer.MAX_VALUE)) {
            t.add(p.firstPublished(), themes.of(p.record().subjects()), null, p.record().type(), 1);
        }
        return t;
    }

    private Tally loans(List<Checkout> checkouts, Themes themes, Map<String, String> categories) {
        Tally t = new Tally(zone);
        Map<String, Record> records = records(checkouts.stream().map(Checkout::recordId).toList());
        for (Checkout c : checkouts) {
            Record r = records.get(c.recordId());
            String category = c.category() != null ? c.category() : category(c.memberId(), categories);
            t.add(c.at(), themes.of(r == null ? null : r.subjects()), category,
                    r == null ? UNKNOWN : r.type(), 1);
        }
        return t;
    }

    private Tally requests(List<DocRequest> submitted, Themes themes, Map<String, String> categories) {
        Tally t = new Tally(zone);
        for (DocRequest r : submitted) {
            t.add(r.created(), themes.of(r.concepts()), category(r.memberId(), categories), null, 1);
        }
        return t;
    }

    private Tally downloads(int year, Themes themes) {
        Tally t = new Tally(zone);
        List<DownloadCounts.Counter> counters = downloads.ofYear(year);
        Map<String, Record> records = records(counters.stream().map(DownloadCounts.Counter::recordId).toList());
        for (DownloadCounts.Counter c : counters) {
            Record r = records.get(c.recordId());
            t.add(c.day().atStartOfDay(zone).toInstant(), themes.of(r == null ? null : r.subjects()), c.category(),
                    r == null ? UNKNOWN : r.type(), c.count());
        }
        return t;
    }

    private Map<String, Record> records(Collection<String> ids) {
        return catalogue.findAll(Set.copyOf(ids)).stream().collect(Collectors.toMap(Record::id, Function.identity()));
    }

    private String category(String memberId, Map<String, String> known) {
        if (memberId == null) {
            return UNKNOWN;
        }
        return known.computeIfAbsent(memberId,
                id -> members.find(id).map(Member::category).map(MemberCategory::code).orElse(UNKNOWN));
    }
}
