package org.lakou.members.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberStatus;
import org.lakou.members.PasswordResetApi;
import org.lakou.shared.ApiException;
import org.lakou.shared.Notifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Codes are stored only as their SHA-256 ({@code password_resets/_id}), like API tokens, so
 * whoever reads the database cannot reset anyone. Confirming removes the entry in the same step
 * that reads it, so a code works once even when two confirmations race.
 */
@Component
class PasswordResets implements PasswordResetApi {

    static final String COLLECTION = "password_resets";
    private static final String PREFIX = "rs_";
    /** Beyond this many live codes an account gets no more mail: the form cannot flood a mailbox. */
    static final int MAX_LIVE_CODES = 3;

    private final MongoTemplate mongo;
    private final MemberApi members;
    private final LoginThrottle throttle;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration validity;

    PasswordResets(MongoTemplate mongo, MemberApi members, LoginThrottle throttle, Notifier notifier, Clock clock,
            MembersProperties properties) {
        this.mongo = mongo;
        this.members = members;
        this.throttle = throttle;
        this.notifier = notifier;
        this.clock = clock;
        this.validity = properties.passwordResetValidity();
    }

    @Override
    public void request(String email, String clientAddress) {
        try {
            throttle.resetRequested(clientAddress);
        } catch (LoginThrottle.ThrottledException e) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "Too many password-reset requests from this address; try again in " + e.retryAfterSeconds() + " s")
                    .with("reason", "reset-throttled").with("retryAfterSeconds", e.retryAfterSeconds());
        }
        Instant now = clock.instant();
        // the collection holds a few live codes at most: these scans stay small
        mongo.remove(Query.query(Criteria.where("expires").lt(Date.from(now))), COLLECTION);
        Member member = members.findByEmail(email).orElse(null);
        if (member == null || member.status() == MemberStatus.CLOSED
                || mongo.count(Query.query(Criteria.where("memberId").is(member.id())), COLLECTION) >= MAX_LIVE_CODES) {
            return;
        }
        String code = TokenStore.newSecret(PREFIX);
        String hash = TokenStore.hash(code);
        Instant expires = now.plus(validity);
        mongo.insert(new Document("_id", hash).append("memberId", member.id()).append("created", Date.from(now))
                .append("expires", Date.from(expires)), COLLECTION);
        notifier.sendOnce(new Notifier.Notice("password-reset#" + hash, "password-reset", member.email(),
                "Lakou : choisir un nouveau mot de passe", body(member, code)));
    }

    @Override
    public void confirm(String code, String newPassword) {
        Document entry = code == null ? null
                : mongo.findAndRemove(Query.query(Criteria.where("_id").is(TokenStore.hash(code.trim()))),
                        Document.class, COLLECTION);
        if (entry == null || !entry.getDate("expires").toInstant().isAfter(clock.instant())) {
            throw ApiException.badRequest("This code is unknown, already used or expired; ask for a new one")
                    .with("reason", "invalid-code");
        }
        String memberId = entry.getString("memberId");
        members.setPassword(memberId, newPassword);
        // a locked-out account is exactly the one that needed this
        throttle.cleared(members.get(memberId).email());
    }

    private String body(Member member, String code) {
        long minutes = validity.toMinutes();
        return "Bonjour " + member.name() + ",\n\n"
                + "Quelqu'un (vous, espérons-le) a demandé à changer le mot de passe de votre compte Lakou.\n"
                + "Voici le code à donner avec le nouveau mot de passe ; il sert une fois et vaut " + minutes
                + " minutes :\n\n    " + code + "\n\n"
                + "(POST /api/members/password-reset/confirm avec {\"code\": …, \"password\": …})\n\n"
                + "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.\n";
    }
}
