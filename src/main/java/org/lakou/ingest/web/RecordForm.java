package org.lakou.ingest.web;

import java.util.Arrays;
import java.util.List;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;

/**
 * The record editor's form as posted: creators one per line, blank fields as absent, and the
 * version the page was loaded at, which the save sends as its expected version (the pages' If-Match).
 */
record RecordForm(String title, String subtitle, String creators, String publisher, String date, String type,
        String language, String summary, List<String> subjects, List<String> territories, String collection,
        String accessLevel, Long version) {

    static RecordForm of(Record r) {
        return new RecordForm(r.title(), r.subtitle(), String.join("\n", r.creators()), r.publisher(), r.date(),
                r.type(), r.language(), r.summary(), r.subjects(), r.territories(), r.collection(),
                r.accessLevel().code(), r.version());
    }

    RecordFields fields() {
        List<String> names = creators == null ? List.of()
                : Arrays.stream(creators.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new RecordFields(strip(title), strip(subtitle), names, strip(publisher), strip(date), strip(type),
                strip(language), strip(summary), subjects == null ? List.of() : subjects,
                territories == null ? List.of() : territories, strip(collection), access());
    }

    /** The form as it would be shown again at another version: what the documentalist typed, kept. */
    RecordForm atVersion(long newVersion) {
        return new RecordForm(title, subtitle, creators, publisher, date, type, language, summary, subjects,
                territories, collection, accessLevel, newVersion);
    }

    private AccessLevel access() {
        return accessLevel == null || accessLevel.isBlank() ? AccessLevel.PUBLIC : AccessLevel.of(accessLevel);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
