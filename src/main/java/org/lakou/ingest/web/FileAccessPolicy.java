package org.lakou.ingest.web;

import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Record;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may download a record's files. First the catalogue's one visibility rule: a record the
 * caller cannot read (a draft, withdrawn, staff-only or deleted record for a non-staff caller)
 * answers 404, as reading it does. Then the access level of the files: {@code members} files of a
 * record everyone sees are refused with 401 to anonymous callers (log in and retry) and 403 to
 * no-one else, since members and staff may read them.
 */
@Component
class FileAccessPolicy {

    private final CatalogueApi catalogue;

    FileAccessPolicy(CatalogueApi catalogue) {
        this.catalogue = catalogue;
    }

    Record downloadable(String recordId, Viewer viewer) {
        Record record = catalogue.requireVisible(recordId, viewer);
        if (!record.accessLevel().openTo(viewer)) {
            HttpStatus status = viewer.isMember() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
            throw new ApiException(status, "Access restricted",
                    "The files of this record are reserved to " + record.accessLevel().code())
                    .with("accessLevel", record.accessLevel().code());
        }
        return record;
    }

    /** Files anyone may fetch without credentials: the only ones a separate download origin may serve. */
    static boolean isAnonymous(Record record) {
        return record.visibleTo(Viewer.ANONYMOUS) && record.accessLevel().openTo(Viewer.ANONYMOUS);
    }
}
