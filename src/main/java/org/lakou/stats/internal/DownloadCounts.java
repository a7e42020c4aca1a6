package org.lakou.stats.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * One counter per day, record and member category ({@code download_counts}), keyed by all three
 * so a download is a single upsert by {@code _id}, however many there are. Nothing names the
 * member: the report needs categories, not people. A year's report scans that year's counters,
 * a few thousand documents for a centre; it is not on any hot path.
 */
@Component
class DownloadCounts {

    static final String COLLECTION = "download_counts";

    record Counter(LocalDate day, String recordId, String category, long count) {
    }

    private final MongoCollection<Document> counts;
    private final ZoneId zone;

    DownloadCounts(MongoTemplate mongo, StatsProperties properties) {
        this.counts = mongo.getCollection(COLLECTION);
        this.zone = properties.zone();
        counts.createIndex(Indexes.ascending("year"));
    }

    void add(Instant at, String recordId, String category) {
        LocalDate day = at.atZone(zone).toLocalDate();
        counts.updateOne(Filters.eq("_id", day + "|" + category + "|" + recordId),
                Updates.combine(Updates.inc("count", 1L), Updates.setOnInsert("year", day.getYear()),
                        Updates.setOnInsert("day", day.toString()), Updates.setOnInsert("recordId", recordId),
                        Updates.setOnInsert("category", category)),
                new UpdateOptions().upsert(true));
    }

    List<Counter> ofYear(int year) {
        List<Counter> out = new ArrayList<>();
        for (Document d : counts.find(Filters.eq("year", year))) {
            out.add(new Counter(LocalDate.parse(d.getString("day")), d.getString("recordId"), d.getString("category"),
                    ((Number) d.get("count")).longValue()));
        }
        return out;
    }
}
