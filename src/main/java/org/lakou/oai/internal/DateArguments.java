package org.lakou.oai.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.gdcc.xoai.model.oaipmh.Error;

/**
 * Takes {@code from} and {@code until} out of XOAI's hands. OAI-PMH asks a repository with
 * seconds granularity to accept day-form arguments too, which XOAI refuses; so day forms become
 * the first and last second of the day. Mixed forms are refused, as the protocol requires. XOAI
 * also judges "the future" by the system clock, not the application's; so valid dates are removed
 * from the arguments it sees and applied by the item repository instead. An {@code until} in the
 * future is clamped to now (the list is clamped to now anyway), and a {@code from} in the future
 * simply matches nothing (noRecordsMatch). Unparseable dates are left for XOAI to refuse.
 */
final class DateArguments {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private DateArguments() {
    }

    /**
     * The arguments to hand to XOAI, or the error to answer instead; {@code from} and
     * {@code until} (inclusive, seconds) when given and valid, else null.
     */
    record Outcome(Map<String, String[]> parameters, Error error, boolean matchesNothing, Instant from,
            Instant until) {

        Outcome(Map<String, String[]> parameters, Error error, boolean matchesNothing) {
            this(parameters, error, matchesNothing, null, null);
        }
    }

    static Outcome normalise(Map<String, String[]> parameters, Instant now) {
        String[] verb = parameters.get("verb");
        boolean list = verb != null && verb.length == 1
                && ("ListRecords".equals(verb[0]) || "ListIdentifiers".equals(verb[0]));
        String from = single(parameters, "from");
        String until = single(parameters, "until");
        // with a token, dates are an exclusive-argument error that XOAI reports
        if (!list || from == null && until == null || parameters.containsKey("resumptionToken")) {
            return new Outcome(parameters, null, false);
        }
        if (from != null && until != null && form(from) != null && form(until) != null
                && form(from) != form(until)) {
            return error(Error.Code.BAD_ARGUMENT, "'from' and 'until' must have the same granularity");
        }
        Optional<Instant> f = from == null ? Optional.empty() : parse(from, false);
        Optional<Instant> u = until == null ? Optional.empty() : parse(until, true);
        if (from != null && f.isEmpty() || until != null && u.isEmpty()) {
            return new Outcome(parameters, null, false); // illegal: XOAI answers badArgument
        }
        if (f.isPresent() && u.isPresent() && f.get().isAfter(u.get())) {
            return error(Error.Code.BAD_ARGUMENT, "'from' may not be after 'until'");
        }
        Instant nowSecond = now.truncatedTo(ChronoUnit.SECONDS);
        // a future 'from' is legal and matches nothing; XOAI would call it a bad argument, so it sees
        // now instead, and the other arguments are still checked before the empty answer
        boolean future = f.isPresent() && f.get().isAfter(nowSecond);
        Map<String, String[]> out = new HashMap<>(parameters);
        out.remove("from");
        out.remove("until");
        return new Outcome(out, null, future, f.orElse(null),
                u.map(i -> i.isAfter(nowSecond) ? nowSecond : i).orElse(null));
    }

    private static Pattern form(String value) {
        return DAY.matcher(value).matches() ? DAY : SECOND.matcher(value).matches() ? SECOND : null;
    }

    /** Day forms cover the whole day: from its first second, until its last. */
    private static Optional<Instant> parse(String value, boolean endOfDay) {
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                Instant start = day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
                return Optional.of(endOfDay ? start.plus(1, ChronoUnit.DAYS).minusSeconds(1) : start);
            }
            if (SECOND.matcher(value).matches()) {
                return Optional.of(Instant.parse(value));
            }
        } catch (DateTimeException e) {
            // illegal date: left for XOAI to refuse with badArgument
        }
        return Optional.empty();
    }

    private static String single(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values != null && values.length == 1 ? values[0] : null;
    }

    private static Outcome error(Error.Code code, String message) {
        return new Outcome(null, new Error(message).withCode(code), false);
    }
}
