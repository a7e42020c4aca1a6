package org.lakou.backup.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.lakou.backup.BackupApi;
import org.lakou.backup.BackupInfo;
import org.lakou.shared.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Backups", description = "Backups of the database and the file store (administrators)")
@RestController
@RequestMapping("/api/admin/backups")
class BackupController {

    private final BackupApi backups;

    BackupController(BackupApi backups) {
        this.backups = backups;
    }

    @Operation(summary = "Write a backup now",
            description = "Copies every collection and stored file into a zip under lakou.backup.dir while Lakou "
                    + "keeps running, verifies it, and answers with its path. Restore it with "
                    + "`java -jar lakou.jar restore FILE`.")
    @PostMapping
    ResponseEntity<BackupInfo> create() {
        BackupInfo info = backups.create();
        return ResponseEntity.created(URI.create("/api/admin/backups/" + info.name())).body(info);
    }

    @Operation(summary = "The backups in lakou.backup.dir, newest first, each with its checksums verified")
    @GetMapping
    List<BackupInfo> list() {
        return backups.list();
    }

    @Operation(summary = "One backup, with its checksums verified")
    @GetMapping("/{name}")
    BackupInfo get(@PathVariable String name) {
        return backups.find(name).orElseThrow(() -> ApiException.notFound("Backup", name));
    }
}
