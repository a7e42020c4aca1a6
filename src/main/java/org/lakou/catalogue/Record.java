package org.lakou.catalogue;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.lakou.shared.Viewer;

/**
 * A bibliographic record as other modules and API clients see it. {@code version} grows with every
 * change and is the ETag; {@code deleted} marks a tombstone kept for harvesters. {@code reviewNotes}
 * tell a documentalist why the record needs a look (e.g. a subject deprecated without successor).
 * {@code provenance} is set on read-only copies harvested from partner centres, null otherwise.
 */
public record Record(
        String id,
        String title,
        String subtitle,
        List<String> creators,
        String publisher,
        String date,
        String type,
        String language,
        @JsonProperty("abstract") String summary,
        List<String> subjects,
        List<String> territories,
        String collection,
        AccessLevel accessLevel,
        RecordStatus status,
        List<FileRef> files,
        List<Copy> copies,
        Instant created,
        Instant modified,
        long version,
        boolean deleted,
        List<String> reviewNotes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Provenance provenance) {

    /** A local record (no provenance). */
    public Record(String id, String title, String subtitle, List<String> creators, String publisher, String date,
            String type, String language, String summary, List<String> subjects, List<String> territories,
            String collection, AccessLevel accessLevel, RecordStatus status, List<FileRef> files, List<Copy> copies,
            Instant created, Instant modified, long version, boolean deleted, List<String> reviewNotes) {
        this(id, title, subtitle, creators, publisher, date, type, language, summary, subjects, territories,
                collection, accessLevel, status, files, copies, created, modified, version, deleted, reviewNotes,
                null);
    }

    public Record withCopies(List<Copy> newCopies) {
        return new Record(id, title, subtitle, creators, publisher, date, type, language, summary, subjects,
                territories, collection, accessLevel, status, files, newCopies, created, modified, version, deleted,
                reviewNotes, provenance);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isHarvested() {
        return provenance != null;
    }

    public Integer year() {
        return fields().year();
    }

    public boolean isPublic() {
        return !deleted && status == RecordStatus.PUBLISHED && accessLevel != AccessLevel.STAFF;
    }

    /**
     * Whether {@code viewer} may see this record at all, tombstones aside: staff see every record,
     * everyone else published records not reserved to staff. Reading a record and every action on
     * it (holds, holds from a request, file downloads) apply this one rule, through
     * {@link CatalogueApi#requireVisible}.
     */
    public boolean visibleTo(Viewer viewer) {
        return viewer.isStaff() || status == RecordStatus.PUBLISHED && accessLevel != AccessLevel.STAFF;
    }

    public RecordFields fields() {
        return new RecordFields(title, subtitle, creators, publisher, date, type, language, summary,
                subjects, territories, collection, accessLevel);
    }
}
