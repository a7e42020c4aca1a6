package org.lakou.circulation.web;

import java.time.Instant;
import java.util.List;

/**
 * What the desk shows after a scan: a sentence ({@code key} with {@code args}) and, for a refusal,
 * the reason in words ({@code reason}, a {@code desk.refusal.*} key; {@code detail} when the
 * refusal has no known code); {@code due} for a loan made or renewed.
 */
record DeskOutcome(Kind kind, String key, List<Object> args, String reason, String detail, Instant due) {

    enum Kind { DONE, REFUSED, NOTICE }

    static DeskOutcome done(String key, Object... args) {
        return new DeskOutcome(Kind.DONE, key, List.of(args), null, null, null);
    }

    /** A loan made or renewed: the page writes the due date in the reader's language and time zone. */
    static DeskOutcome lent(String key, Instant due, Object... args) {
        return new DeskOutcome(Kind.DONE, key, List.of(args), null, null, due);
    }

    static DeskOutcome notice(String key, Object... args) {
        return new DeskOutcome(Kind.NOTICE, key, List.of(args), null, null, null);
    }

    static DeskOutcome refused(String key, String reason, String detail, Object... args) {
        return new DeskOutcome(Kind.REFUSED, key, List.of(args), reason, detail, null);
    }

    public Object[] argArray() {
        return args.toArray();
    }

    public String css() {
        return switch (kind) {
            case DONE -> "desk-done";
            case REFUSED -> "desk-refused";
            case NOTICE -> "desk-notice";
        };
    }
}
