package org.lakou.ingest.web;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.Record;
import org.lakou.shared.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may download a record's files. The one place to change when authentication arrives: today
 * only {@code public} files are served, and {@code members}/{@code staff} files answer 403.
 */
@Component
class FileAccessPolicy {

    void checkDownload(Record record) {
        if (record.accessLevel() != AccessLevel.PUBLIC) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Access restricted",
                    "The files of this record are reserved to " + record.accessLevel().code())
                    .with("accessLevel", record.accessLevel().code());
        }
    }
}
