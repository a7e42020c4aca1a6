package org.lakou.backup;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code dir}: where backups are written (default {@code <data-dir>/backups}). {@code schedule}: a
 * Spring cron expression (6 fields) for the nightly backup, {@code -} to turn it off.
 * {@code retention}: how many backups the scheduled run keeps in {@code dir} (older ones are
 * deleted after a new one is verified). {@code leaseTtl}: how long one node keeps the scheduled
 * run for itself, so that the other nodes, whose clocks fire the same minute, skip it.
 */
@Validated
@ConfigurationProperties("lakou.backup")
public record BackupProperties(
        Path dir,
        @NotBlank @DefaultValue("0 30 2 * * *") String schedule,
        @Min(1) @DefaultValue("7") int retention,
        @NotNull @DefaultValue("1h") Duration leaseTtl) {
}
