package org.lakou.oai.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.gdcc.xoai.exceptions.BadResumptionTokenException;
import io.gdcc.xoai.model.oaipmh.Granularity;
import io.gdcc.xoai.model.oaipmh.Request;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import io.gdcc.xoai.model.oaipmh.verbs.Verb;
import io.gdcc.xoai.services.api.ResumptionTokenFormat;

/**
 * Resumption tokens signed with HMAC-SHA256 and expiring. A token carries the request (set,
 * from, until, prefix), the cursor (XOAI's "offset": how many entries were delivered) and the
 * keyset position (the seq and record id last delivered), so the next page starts right after it,
 * whatever changed meanwhile. Tokens of ListSets and of the record lists are not interchangeable.
 * The dates travel through the {@link PageState}, not XOAI's value, because XOAI never sees them.
 * Layout: {@code base64url(payload) "." base64url(mac[0..16])}; version 1 tokens (no id, issued
 * when seqs were unique) are still read.
 */
final class SignedTokenFormat implements ResumptionTokenFormat {

    private static final String VERSION = "2";
    private static final String VERSION_1 = "1";
    private static final int MAC_BYTES = 16;

    private final byte[] key;
    private final PageState state;
    private final Clock clock;

    SignedTokenFormat(byte[] key, PageState state, Clock clock) {
        this.key = key;
        this.state = state;
        this.clock = clock;
    }

    @Override
    public ResumptionTokenFormat withGranularity(Granularity granularity) {
        return this;
    }

    @Override
    public String format(ResumptionToken.Value v) {
        boolean sets = state.lastSeqOut() < 0;
        String payload = String.join("|", VERSION, sets ? "S" : "R", Long.toString(v.getOffset()),
                Long.toString(state.lastSeqOut()), millis(state.from()), millis(state.until()),
                Long.toString(state.expiresAt().getEpochSecond()), nullToEmpty(v.getMetadataPrefix()),
                nullToEmpty(v.getSetSpec()), nullToEmpty(state.lastIdOut()));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return b64.encodeToString(bytes) + "." + b64.encodeToString(mac(bytes));
    }

    @Override
    public Optional<ResumptionToken.Value> parse(Request request) throws BadResumptionTokenException {
        Optional<String> token = request.getResumptionToken();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String[] p = verified(token.get());
        boolean setsVerb = request.getType().filter(t -> t == Verb.Type.ListSets).isPresent();
        if (setsVerb != "S".equals(p[1])) {
            throw new BadResumptionTokenException("This token belongs to another verb");
        }
        return Optional.of(value(p));
    }

    @Override
    public ResumptionToken.Value parse(String token) throws BadResumptionTokenException {
        return value(verified(token));
    }

    private ResumptionToken.Value value(String[] p) throws BadResumptionTokenException {
        try {
            long expires = Long.parseLong(p[6]);
            if (clock.instant().getEpochSecond() >= expires) {
                throw new BadResumptionTokenException("The resumption token has expired");
            }
            long lastSeq = Long.parseLong(p[3]);
            if (lastSeq >= 0) {
                state.lastIn(lastSeq, p.length > 9 && !p[9].isEmpty() ? p[9] : null);
            }
            state.dates(instant(p[4]), instant(p[5]));
            var b = new ResumptionToken.ValueBuilder().withOffset(Long.parseLong(p[2]));
            if (!p[7].isEmpty()) {
                b.withMetadataPrefix(p[7]);
            }
            if (!p[8].isEmpty()) {
                b.withSetSpec(p[8]);
            }
            return b.build();
        } catch (NumberFormatException e) {
            throw new BadResumptionTokenException("The resumption token is malformed");
        }
    }

    private String[] verified(String token) throws BadResumptionTokenException {
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            throw new BadResumptionTokenException("The resumption token is malformed");
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, dot));
            byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            String canonical = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
            // the decoder ignores the spare bits of the last character: refuse any other spelling
            if (!MessageDigest.isEqual(mac, mac(payload)) || !canonical.equals(token)) {
                throw new BadResumptionTokenException("The resumption token was not issued by this repository");
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            boolean known = VERSION.equals(parts[0]) && parts.length == 10
                    || VERSION_1.equals(parts[0]) && parts.length == 9;
            if (!known) {
                throw new BadResumptionTokenException("The resumption token is malformed");
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new BadResumptionTokenException("The resumption token is malformed");
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static String millis(Instant instant) {
        return instant == null ? "" : Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return millis.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
