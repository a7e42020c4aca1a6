package org.lakou.backup;

import java.util.List;
import java.util.Optional;

/** Backups of the database and the file store, written under {@code lakou.backup.dir}. */
public interface BackupApi {

    /** Writes a backup now, while Lakou keeps running; returns it once complete and verified. */
    BackupInfo create();

    /** The backups in the backup folder, newest first, each with its checksums verified. */
    List<BackupInfo> list();

    Optional<BackupInfo> find(String name);
}
