package org.lakou.backup.internal;

/** The archive is not a usable backup: unreadable, incomplete, or an entry fails its checksum. */
class BackupFormatException extends RuntimeException {

    BackupFormatException(String message) {
        super(message);
    }

    BackupFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
