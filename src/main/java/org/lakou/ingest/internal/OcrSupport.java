package org.lakou.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.lakou.ingest.IngestProperties;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this server can OCR, decided once at start-up by running {@code tesseract --list-langs}:
 * a missing binary or language only costs a warning (log and health page), and scans then keep
 * {@code textStatus: none} until OCR is run over them later.
 */
@Component
public class OcrSupport {

    private static final Logger log = LoggerFactory.getLogger(OcrSupport.class);

    /** What the probe found; {@code problem} is null when OCR can run. */
    public record State(boolean enabled, boolean available, List<String> languages, String problem) {
    }

    private final IngestProperties.Ocr settings;
    private final State state;

    public OcrSupport(IngestProperties properties) {
        this.settings = properties.ocr();
        this.state = settings.enabled() ? probe(settings) : new State(false, false, List.of(), "disabled");
        if (state.enabled() && !state.available()) {
            log.warn("OCR unavailable: {}; scanned documents will keep textStatus none", state.problem());
        }
    }

    public State state() {
        return state;
    }

    /** What to send a worker for a file; empty when OCR is off or cannot run. */
    public Optional<OcrRequest> request() {
        return request(settings.pageTimeout(), settings.documentTimeout());
    }

    public Optional<OcrRequest> request(Duration pageTimeout, Duration documentTimeout) {
        return state.available() ? Optional.of(new OcrRequest(settings.language(), settings.tesseractPath(),
                pageTimeout.toMillis(), documentTimeout.toMillis(), settings.dpi(), settings.pagesBesideText()))
                : Optional.empty();
    }

    public String language() {
        return settings.language();
    }

    static State probe(IngestProperties.Ocr settings) {
        String binary = settings.tesseractPath().isBlank() ? "tesseract"
                : Path.of(settings.tesseractPath(), "tesseract").toString();
        try {
            Process p = new ProcessBuilder(binary, "--list-langs").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return new State(true, false, List.of(), binary + " --list-langs failed");
            }
            List<String> langs = out.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("List of")).toList();
            List<String> missing = List.of(settings.language().split("\\+")).stream()
                    .filter(l -> !langs.contains(l)).toList();
            return missing.isEmpty() ? new State(true, true, langs, null)
                    : new State(true, false, langs, "Tesseract has no data for " + String.join(", ", missing)
                            + " (install tesseract-ocr-" + missing.get(0) + ")");
        } catch (IOException e) {
            return new State(true, false, List.of(), "tesseract not found (" + binary + "): install tesseract-ocr "
                    + "and tesseract-ocr-fra, or set lakou.ingest.ocr.tesseract-path");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new State(true, false, List.of(), "interrupted while probing tesseract");
        }
    }
}
