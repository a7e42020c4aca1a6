package org.lakou.ingest.internal;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * OCR on the health page. Missing Tesseract is a warning, not an outage: the status stays UP (the
 * server serves and ingests; scans just wait for their text), and the details say what is missing.
 */
@Component("ocr")
class OcrHealthIndicator extends AbstractHealthIndicator {

    private final OcrSupport ocr;

    OcrHealthIndicator(OcrSupport ocr) {
        super("OCR check failed");
        this.ocr = ocr;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OcrSupport.State s = ocr.state();
        builder.up().withDetail("enabled", s.enabled()).withDetail("available", s.available());
        if (s.available()) {
            builder.withDetail("language", ocr.language());
        } else if (s.enabled()) {
            builder.withDetail("warning", "OCR unavailable: " + s.problem() + "; scans keep textStatus none");
        }
    }
}
