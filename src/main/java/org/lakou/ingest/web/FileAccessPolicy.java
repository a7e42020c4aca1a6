package org.lakou.ingest.web;

import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordNotFoundException;
import org.lakou.catalogue.RecordStatus;
import org.lakou.shared.ApiException;
import org.lakou.shared.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may download a record's files, by the record's access level and the caller's role:
 * {@code public} files for everyone, {@code members} files for members and staff, {@code staff}
 * files for documentalists and administrators. Files of a record that is not published exist for
 * staff only (404 for others, as the record itself). A refusal is 401 for anonymous callers (log
 * in and retry) and 403 for members.
 */
@Component
class FileAccessPolicy {

    void checkDownload(Record record) {
        Viewer viewer = Viewer.current();
        if (viewer.isStaff()) {
            return;
        }
        if (record.status() != RecordStatus.PUBLISHED) {
            throw new RecordNotFoundException(record.id());
        }
        boolean allowed = switch (record.accessLevel()) {
            case PUBLIC -> true;
            case MEMBERS -> viewer.isMember();
            case STAFF -> false;
        };
        if (!allowed) {
            HttpStatus status = viewer.isMember() ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
            throw new ApiException(status, "Access restricted",
                    "The files of this record are reserved to " + record.accessLevel().code())
                    .with("accessLevel", record.accessLevel().code());
        }
    }
}
