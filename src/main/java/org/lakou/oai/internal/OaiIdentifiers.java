package org.lakou.oai.internal;

import java.util.Optional;

/** {@code oai:{domain}:{recordId}}, as the oai-identifier description in Identify announces. */
public final class OaiIdentifiers {

    private final String prefix;

    public OaiIdentifiers(String domain) {
        this.prefix = "oai:" + domain + ":";
    }

    public String of(String recordId) {
        return prefix + recordId;
    }

    /** The record id, when the identifier is one of ours. */
    public Optional<String> recordId(String identifier) {
        if (identifier == null || !identifier.startsWith(prefix) || identifier.length() == prefix.length()) {
            return Optional.empty();
        }
        String id = identifier.substring(prefix.length());
        return id.matches("[A-Za-z0-9._-]{1,64}") ? Optional.of(id) : Optional.empty();
    }

    public String sample() {
        return prefix + "3f9k2m7q8r1t5v6w";
    }
}
