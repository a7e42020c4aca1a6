package org.lakou.oai.internal;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordStatus;

/**
 * What harvesters may see of a record: published records that are not staff-only, in full; deleted
 * and withdrawn ones (and published ones turned staff-only) as {@code status="deleted"} headers,
 * so harvesters drop their copy; drafts and copies harvested from partners not at all.
 */
public enum OaiVisibility {
    EXPOSED, TOMBSTONE, HIDDEN;

    /** As stored in the index. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OaiVisibility of(Record r) {
        if (r.isHarvested()) {
            return HIDDEN; // partners' records are served by their own centres, never re-exposed
        }
        if (r.deleted() || r.status() == RecordStatus.WITHDRAWN) {
            return TOMBSTONE;
        }
        if (r.status() != RecordStatus.PUBLISHED) {
            return HIDDEN;
        }
        return r.accessLevel() == AccessLevel.STAFF ? TOMBSTONE : EXPOSED;
    }
}
