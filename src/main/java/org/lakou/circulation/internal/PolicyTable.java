package org.lakou.circulation.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.lakou.circulation.Policy;
import org.lakou.shared.ApiException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The policy table, {@code circulation_policies/_id = category|type}, held in memory: a checkout
 * resolves its rule without a read. A change on this node applies at once; other nodes reload
 * within a few seconds. Resolution: exact row, then category|*, then *|type, then *|*, then the
 * configured default.
 */
@Component
class PolicyTable {

    static final String COLLECTION = "circulation_policies";
    private static final long RELOAD_NANOS = 5_000_000_000L;

    private final MongoTemplate mongo;
    private final Policy fallback;
    private volatile Map<String, Policy> rows;
    private volatile long loadedAt;

    PolicyTable(MongoTemplate mongo, CirculationProperties props) {
        this.mongo = mongo;
        var d = props.defaultPolicy();
        this.fallback = new Policy(Policy.ANY, Policy.ANY, d.maxLoans(), d.loanDays(), d.maxRenewals(),
                d.overdueBlocks());
    }

    Policy resolve(String category, String documentType) {
        Map<String, Policy> r = rows();
        String type = documentType == null ? Policy.ANY : documentType;
        for (String key : List.of(category + "|" + type, category + "|*", "*|" + type, "*|*")) {
            Policy p = r.get(key);
            if (p != null) {
                return p;
            }
        }
        return fallback;
    }

    /** The largest quota anywhere: how many slots to read to see all of a member's loans. */
    int maxSlots() {
        return Math.max(fallback.maxLoans(), rows().values().stream().mapToInt(Policy::maxLoans).max().orElse(0));
    }

    List<Policy> all() {
        List<Policy> list = new java.util.ArrayList<>(rows().values());
        list.sort(Comparator.comparing(Policy::category).thenComparing(Policy::documentType));
        list.add(fallback);
        return list;
    }

    Policy put(Policy p) {
        if (!Policy.ANY.equals(p.category())) {
            org.lakou.members.MemberCategory.of(p.category());
        }
        if (!Policy.ANY.equals(p.documentType()) && !org.lakou.catalogue.DocumentTypes.isKnown(p.documentType())) {
            throw ApiException.badRequest("Unknown document type " + p.documentType() + "; see DocumentTypes");
        }
        p = new Policy(Policy.ANY.equals(p.category()) ? Policy.ANY : org.lakou.members.MemberCategory.of(p.category()).code(),
                p.documentType(), p.maxLoans(), p.loanDays(), p.maxRenewals(), p.overdueBlocks());
        mongo.save(new Document("_id", p.key()).append("category", p.category()).append("documentType",
                p.documentType()).append("maxLoans", p.maxLoans()).append("loanDays", p.loanDays())
                .append("maxRenewals", p.maxRenewals()).append("overdueBlocks", p.overdueBlocks()), COLLECTION);
        reload();
        return p;
    }

    void delete(String category, String documentType) {
        var r = mongo.remove(Query.query(Criteria.where("_id").is(category + "|" + documentType)), COLLECTION);
        if (r.getDeletedCount() == 0) {
            throw ApiException.notFound("Policy", category + "|" + documentType);
        }
        reload();
    }

    private Map<String, Policy> rows() {
        Map<String, Policy> r = rows;
        if (r == null || System.nanoTime() - loadedAt > RELOAD_NANOS) {
            r = reload();
        }
        return r;
    }

    private synchronized Map<String, Policy> reload() {
        Map<String, Policy> r = mongo.findAll(Document.class, COLLECTION).stream()
                .map(d -> new Policy(d.getString("category"), d.getString("documentType"), d.getInteger("maxLoans"),
                        d.getInteger("loanDays"), d.getInteger("maxRenewals"), d.getBoolean("overdueBlocks")))
                .collect(Collectors.toMap(Policy::key, Function.identity()));
        rows = r;
        loadedAt = System.nanoTime();
        return r;
    }
}
