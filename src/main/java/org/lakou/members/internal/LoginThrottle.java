package org.lakou.members.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed-login counters in Mongo, keyed by {@code _id} so every check is a single-key read and every
 * count an atomic {@code $inc}; shared by all nodes. Three limits, each with its own key:
 * <ul>
 * <li>an account from one address ({@code account-ip:<email>|<addr>}, {@code max-failures}): a stranger
 * guessing a documentalist's password locks only themselves out, never the owner at the desk;</li>
 * <li>an account from anywhere ({@code account:<email>}, {@code max-failures-per-account}): a much
 * higher ceiling that still stops slow guessing spread over many addresses;</li>
 * <li>an address, whatever the account ({@code ip:<addr>}, {@code max-failures-per-ip}).</li>
 * </ul>
 * Every refused attempt counts in the {@code lakou.login.throttled} meter, tagged by the limit that refused it.
 */
@Component
class LoginThrottle {

    static final String COLLECTION = "login_throttle";
    static final String METER = "lakou.login.throttled";
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MembersProperties.Throttle config;
    private final MeterRegistry meters;

    LoginThrottle(MongoTemplate mongo, Clock clock, MembersProperties props, MeterRegistry meters) {
        this.mongo = mongo;
        this.clock = clock;
        this.config = props.throttle();
        this.meters = meters;
    }

    /** Refused for a while after too many failures. */
    static final class ThrottledException extends AuthenticationException {
        private final long retryAfterSeconds;

        ThrottledException(long retryAfterSeconds) {
            super("Too many failed logins; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** One counter: its Mongo key, the limit that locks it, and the tag its refusals are counted under. */
    private record Limit(String key, int max, String reason) {
    }

    void check(String account, String ip) {
        for (Limit limit : limits(account, ip)) {
            refuseIfLocked(limit);
        }
    }

    void failed(String account, String ip) {
        for (Limit limit : limits(account, ip)) {
            count(limit);
        }
    }

    /**
     * Each password-reset request may mail someone, so one address gets as many as it gets failed
     * logins before it is refused for a while; counted under its own key, apart from logins.
     */
    void resetRequested(String ip) {
        if (ip == null) {
            return;
        }
        Limit limit = new Limit("reset-ip:" + ip, config.maxFailuresPerIp(), "reset-ip");
        refuseIfLocked(limit);
        count(limit);
    }

    /** A successful login clears what this address got wrong for this account, not the account's ceiling. */
    void succeeded(String account, String ip) {
        mongo.remove(Query.query(Criteria.where("_id").is(pairKey(account, ip))), COLLECTION);
    }

    /** The owner proved control of the mailbox (password reset): every lock on the account goes. */
    void cleared(String account) {
        String email = normalised(account);
        mongo.remove(Query.query(Criteria.where("_id").is("account:" + email)), COLLECTION);
        // a small collection of failing pairs: this prefix scan stays cheap
        mongo.remove(Query.query(Criteria.where("_id").regex("^" + Pattern.quote("account-ip:" + email + "|"))),
                COLLECTION);
    }

    private void refuseIfLocked(Limit limit) {
        Instant now = clock.instant();
        Document d = mongo.findById(limit.key(), Document.class, COLLECTION);
        Date until = d == null ? null : d.getDate("lockedUntil");
        if (until != null && until.toInstant().isAfter(now)) {
            meters.counter(METER, "reason", limit.reason()).increment();
            throw new ThrottledException(Math.max(1, Duration.between(now, until.toInstant()).toSeconds()));
        }
    }

    private void count(Limit limit) {
        Instant now = clock.instant();
        Query byId = Query.query(Criteria.where("_id").is(limit.key()));
        Document d = mongo.findAndModify(byId, new Update().inc("failures", 1).setOnInsert("windowStart", Date.from(now)),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        if (d == null) {
            return;
        }
        Date start = d.getDate("windowStart");
        if (start != null && start.toInstant().plus(config.window()).isBefore(now)) {
            mongo.updateFirst(byId, Update.update("failures", 1).set("windowStart", Date.from(now))
                    .unset("lockedUntil"), COLLECTION);
            return;
        }
        if (d.getInteger("failures", 0) >= limit.max()) {
            mongo.updateFirst(byId, Update.update("lockedUntil", Date.from(now.plus(config.lockout())))
                    .set("failures", 0).set("windowStart", Date.from(now)), COLLECTION);
            log.warn("Login throttled for {}: {} failures on {} within {}", config.lockout(), limit.max(),
                    limit.key(), config.window());
        }
    }

    private List<Limit> limits(String account, String ip) {
        List<Limit> limits = new ArrayList<>(3);
        limits.add(new Limit(pairKey(account, ip), config.maxFailures(), "account-ip"));
        limits.add(new Limit("account:" + normalised(account), config.maxFailuresPerAccount(), "account"));
        if (ip != null) {
            limits.add(new Limit("ip:" + ip, config.maxFailuresPerIp(), "ip"));
        }
        return limits;
    }

    private static String pairKey(String account, String ip) {
        return "account-ip:" + normalised(account) + "|" + (ip == null ? "unknown" : ip);
    }

    private static String normalised(String account) {
        return EmailRegistry.normalise(account == null ? "" : account);
    }
}
