package org.lakou.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.ScanFiles;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;

/** Tesseract missing (or its French data) is a warning on an UP health page, and OCR is simply not asked for. */
class OcrSupportTest {

    @TempDir
    Path tmp;

    private static IngestProperties properties(String language, String tesseractPath) {
        return new IngestProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(1), 1000, 1, "64m", 1, List.of(),
                List.of(), Duration.ZERO, new IngestProperties.Ocr(true, language, tesseractPath,
                        Duration.ofSeconds(60), Duration.ofMinutes(10), 300, 5));
    }

    @Test
    void aMissingTesseractIsAWarningNotAnOutage() {
        OcrSupport ocr = new OcrSupport(properties("fra+eng", tmp.resolve("no-such-dir").toString()));

        assertThat(ocr.state().available()).isFalse();
        assertThat(ocr.request()).isEmpty();
        Health health = new OcrHealthIndicator(ocr).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("available")).isEqualTo(false);
        assertThat((String) health.getDetails().get("warning")).contains("tesseract not found")
                .contains("textStatus none");
    }

    @Test
    void aMissingLanguageIsNamed() {
        Assumptions.assumeTrue(ScanFiles.tesseractWithFrench(), "tesseract is not installed");
        OcrSupport ocr = new OcrSupport(properties("fra+zzz", ""));

        assertThat(ocr.state().available()).isFalse();
        assertThat(ocr.state().problem()).contains("zzz");
        assertThat((String) new OcrHealthIndicator(ocr).health(true).getDetails().get("warning")).contains("zzz");
    }

    @Test
    void anInstalledTesseractIsUsed() {
        Assumptions.assumeTrue(ScanFiles.tesseractWithFrench(), "tesseract is not installed");
        OcrSupport ocr = new OcrSupport(properties("fra+eng", ""));

        assertThat(ocr.state().available()).isTrue();
        assertThat(ocr.request()).hasValueSatisfying(r -> assertThat(r.language()).isEqualTo("fra+eng"));
        assertThat(new OcrHealthIndicator(ocr).health(true).getDetails()).containsEntry("available", true);
    }

    @Test
    void turnedOffItAsksForNothingAndWarnsOfNothing() {
        OcrSupport ocr = new OcrSupport(new IngestProperties(DataSize.ofMegabytes(1), Duration.ofSeconds(1), 1000, 1,
                "64m", 1, List.of(), List.of(), Duration.ZERO, new IngestProperties.Ocr(false, "fra", "",
                        Duration.ofSeconds(1), Duration.ofSeconds(1), 300, 5)));

        assertThat(ocr.request()).isEmpty();
        assertThat(new OcrHealthIndicator(ocr).health(true).getDetails()).doesNotContainKey("warning")
                .containsEntry("enabled", false);
    }
}
