package org.lakou.members.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Failed-login counters, one document per account ({@code account:<email>}) and per address
 * ({@code ip:<addr>}), keyed by {@code _id} so every check is a single-key read and every count an
 * atomic {@code $inc}. Shared by all nodes through Mongo.
 */
@Component
class LoginThrottle {

    static final String COLLECTION = "login_throttle";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MembersProperties.Throttle config;

    LoginThrottle(MongoTemplate mongo, Clock clock, MembersProperties props) {
        this.mongo = mongo;
        this.clock = clock;
        this.config = props.throttle();
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

    void check(String account, String ip) {
        for (String key : keys(account, ip)) {
            refuseIfLocked(key);
        }
    }

    void failed(String account, String ip) {
        count(accountKey(account), config.maxFailures());
        if (ip != null) {
            count("ip:" + ip, config.maxFailuresPerIp());
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
        String key = "reset-ip:" + ip;
        refuseIfLocked(key);
        count(key, config.maxFailuresPerIp());
    }

    void succeeded(String account) {
        mongo.remove(Query.query(Criteria.where("_id").is(accountKey(account))), COLLECTION);
    }

    private void refuseIfLocked(String key) {
        Instant now = clock.instant();
        Document d = mongo.findById(key, Document.class, COLLECTION);
        Date until = d == null ? null : d.getDate("lockedUntil");
        if (until != null && until.toInstant().isAfter(now)) {
            throw new ThrottledException(Math.max(1, Duration.between(now, until.toInstant()).toSeconds()));
        }
    }

    private void count(String key, int max) {
        Instant now = clock.instant();
        Query byId = Query.query(Criteria.where("_id").is(key));
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
        if (d.getInteger("failures", 0) >= max) {
            mongo.updateFirst(byId, Update.update("lockedUntil", Date.from(now.plus(config.lockout())))
                    .set("failures", 0).set("windowStart", Date.from(now)), COLLECTION);
        }
    }

    private static String accountKey(String account) {
        return "account:" + EmailRegistry.normalise(account == null ? "" : account);
    }

    private static String[] keys(String account, String ip) {
        return ip == null ? new String[] {accountKey(account)} : new String[] {accountKey(account), "ip:" + ip};
    }
}
