package org.lakou.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;

/** Only PDFs and images get an OCR request, and with it the longer hard limit. */
class OcrCandidatesTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] head) throws IOException {
        return Files.write(dir.resolve(name), head);
    }

    @Test
    void pdfsAndImagesMayNeedOcrOtherFilesDoNot() throws IOException {
        assertThat(OcrCandidates.mayNeedOcr(file("a.pdf", "%PDF-1.7\n".getBytes()))).isTrue();
        assertThat(OcrCandidates.mayNeedOcr(file("a.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10}))).isTrue();
        assertThat(OcrCandidates.mayNeedOcr(file("a.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))).isTrue();
        assertThat(OcrCandidates.mayNeedOcr(file("a.tif", new byte[] {'I', 'I', 42, 0, 8}))).isTrue();
        assertThat(OcrCandidates.mayNeedOcr(file("a.docx", new byte[] {'P', 'K', 3, 4, 20}))).isFalse();
        assertThat(OcrCandidates.mayNeedOcr(file("a.html", "<html>".getBytes()))).isFalse();
        assertThat(OcrCandidates.mayNeedOcr(file("empty", new byte[0]))).isFalse();
    }

    @Test
    void aFileThatCannotBeAScanKeepsTheShortHardLimit() throws IOException {
        OcrRequest ocr = new OcrRequest("fra+eng", null, 60_000, 600_000, 300);
        Ingestor.Options options = new Ingestor.Options(1000, Duration.ofSeconds(60), ocr);
        assertThat(options.forFile(file("a.docx", new byte[] {'P', 'K', 3, 4})).hardLimit())
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(options.forFile(file("a.pdf", "%PDF-1.4".getBytes())).hardLimit())
                .isEqualTo(Duration.ofSeconds(660));
    }
}
