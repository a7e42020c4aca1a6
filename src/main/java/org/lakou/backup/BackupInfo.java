package org.lakou.backup;

import java.time.Instant;

/**
 * One backup file. {@code checksumOk} is null while it has not been verified, false when an entry
 * is missing or its SHA-256 differs from the manifest; {@code problem} then says which.
 */
public record BackupInfo(String name, String path, Instant created, long size, long records, long files,
        Boolean checksumOk, String problem) {
}
