package org.lakou.members.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.lakou.members.ApiToken;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberCategory;
import org.lakou.members.MemberProfile;
import org.lakou.members.MemberStatus;
import org.lakou.members.NewMember;
import org.lakou.members.Role;
import org.lakou.shared.ApiException;
import org.lakou.shared.Ids;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Accounts: the e-mail is claimed first (atomic, by {@code _id}), then the account written; a
 * failed write releases the claim. No transaction is needed.
 */
@Service
class MemberService implements MemberApi {

    private final MongoTemplate mongo;
    private final EmailRegistry emails;
    private final TokenStore tokens;
    private final PasswordEncoder passwords;
    private final AuthCache cache;
    private final Clock clock;

    MemberService(MongoTemplate mongo, EmailRegistry emails, TokenStore tokens, PasswordEncoder passwords,
            AuthCache cache, Clock clock) {
        this.mongo = mongo;
        this.emails = emails;
        this.tokens = tokens;
        this.passwords = passwords;
        this.cache = cache;
        this.clock = clock;
    }

    @Override
    public Member create(NewMember m) {
        MemberDocument doc = new MemberDocument();
        doc.id = Ids.newId();
        doc.email = m.email().trim();
        doc.name = m.name().trim();
        doc.organisation = m.organisation();
        doc.category = m.category();
        doc.role = m.role();
        doc.created = clock.instant();
        doc.passwordHash = m.password() == null ? null : passwords.encode(m.password());
        emails.claim(doc.email, doc.id);
        try {
            return mongo.insert(doc).toMember();
        } catch (RuntimeException e) {
            emails.release(doc.email);
            throw e;
        }
    }

    @Override
    public Optional<Member> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Member cached = cache.member(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long readAt = cache.generation();
        Optional<Member> found = Optional.ofNullable(doc(id)).map(MemberDocument::toMember);
        found.ifPresent(m -> cache.putMember(m, readAt));
        return found;
    }

    @Override
    public Member get(String id) {
        return find(id).orElseThrow(() -> ApiException.notFound("Member", id));
    }

    MemberDocument doc(String id) {
        return id == null ? null : mongo.findById(id, MemberDocument.class);
    }

    @Override
    public Optional<Member> findByEmail(String email) {
        return emails.memberOf(email).flatMap(this::find);
    }

    /** Accounts number in the hundreds, so a filtered scan is fine for a staff screen. */
    @Override
    public List<Member> list(String query, Role role, MemberCategory category, int page, int size) {
        Criteria c = new Criteria();
        if (role != null) {
            c = c.and("role").is(role);
        }
        if (category != null) {
            c = c.and("category").is(category);
        }
        if (query != null && !query.isBlank()) {
            String rx = ".*" + Pattern.quote(query.trim().toLowerCase(Locale.ROOT)) + ".*";
            c = c.orOperator(Criteria.where("name").regex(rx, "i"), Criteria.where("email").regex(rx, "i"),
                    Criteria.where("organisation").regex(rx, "i"));
        }
        Query q = Query.query(c).with(Sort.by("name", "_id")).skip((long) page * size).limit(size);
        return mongo.find(q, MemberDocument.class).stream().map(MemberDocument::toMember).toList();
    }

    @Override
    public Member update(String id, MemberProfile p) {
        MemberDocument doc = existing(id);
        String newEmail = p.email().trim();
        boolean emailChanged = !EmailRegistry.normalise(newEmail).equals(EmailRegistry.normalise(doc.email));
        if (emailChanged) {
            emails.claim(newEmail, id);
        }
        String oldEmail = doc.email;
        doc.email = newEmail;
        doc.name = p.name().trim();
        doc.organisation = p.organisation();
        doc.category = p.category();
        Member saved = save(doc);
        if (emailChanged) {
            emails.release(oldEmail);
        }
        return saved;
    }

    @Override
    public Member setStatus(String id, MemberStatus status) {
        MemberDocument doc = existing(id);
        doc.status = status;
        return save(doc);
    }

    @Override
    public Member setRole(String id, Role role) {
        MemberDocument doc = existing(id);
        doc.role = role;
        return save(doc);
    }

    @Override
    public void setPassword(String id, String newPassword) {
        if (newPassword == null || newPassword.length() < 12) {
            throw ApiException.badRequest("A password needs at least 12 characters");
        }
        MemberDocument doc = existing(id);
        doc.passwordHash = passwords.encode(newPassword);
        save(doc);
    }

    @Override
    public boolean checkPassword(String id, String password) {
        MemberDocument doc = existing(id);
        return doc.passwordHash != null && password != null && passwords.matches(password, doc.passwordHash);
    }

    @Override
    public boolean hasAdministrator() {
        return mongo.exists(Query.query(Criteria.where("role").is(Role.ADMIN).and("status").is(MemberStatus.ACTIVE)),
                MemberDocument.class);
    }

    @Override
    public ApiToken createToken(String memberId, String name) {
        existing(memberId);
        return tokens.create(memberId, name == null || name.isBlank() ? "token" : name.trim());
    }

    @Override
    public List<ApiToken> tokens(String memberId) {
        return tokens.list(memberId);
    }

    @Override
    public void revokeToken(String memberId, String tokenId) {
        cache.evictToken(tokens.revoke(memberId, tokenId));
    }

    private MemberDocument existing(String id) {
        MemberDocument doc = doc(id);
        if (doc == null) {
            throw ApiException.notFound("Member", id);
        }
        return doc;
    }

    private Member save(MemberDocument doc) {
        Member m = mongo.save(doc).toMember();
        cache.evictMember(doc.id);
        return m;
    }
}
