package org.lakou.members.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.lakou.members.Member;
import org.lakou.members.MemberCategory;
import org.lakou.members.Role;
import org.lakou.shared.ReadCache;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Every account, in name order, kept in memory for the staff's member search: a centre has
 * hundreds of accounts (a few thousand at most, a few megabytes), and on the embedded MongoDB each
 * search was a regex scan of all of them with every document decoded. {@link MemberService} drops
 * the copy after each account write, so a search never shows an account as it was.
 */
@Component
class MemberDirectory {

    private final MongoTemplate mongo;
    private final ReadCache<Boolean, List<Member>> accounts = new ReadCache<>(1);

    MemberDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A part of the name, e-mail or organisation, case-insensitive, like the former regex query. */
    List<Member> list(String query, Role role, MemberCategory category, int page, int size) {
        String q = query == null || query.isBlank() ? null : query.trim().toLowerCase(Locale.ROOT);
        Stream<Member> s = accounts.get(Boolean.TRUE, this::load).stream()
                .filter(m -> role == null || m.role() == role)
                .filter(m -> category == null || m.category() == category)
                .filter(m -> q == null || contains(m.name(), q) || contains(m.email(), q)
                        || contains(m.organisation(), q));
        return s.skip((long) page * size).limit(size).toList();
    }

    void invalidate() {
        accounts.invalidate();
    }

    private List<Member> load() {
        return mongo.find(new Query().with(Sort.by("name", "_id")), MemberDocument.class).stream()
                .map(MemberDocument::toMember).toList();
    }

    private static boolean contains(String field, String lowerCaseQuery) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseQuery);
    }
}
