package org.lakou.ingest.internal;

import java.util.ArrayList;
import java.util.List;

import org.lakou.catalogue.OcrInfo;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrReport;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;

/** A worker's OCR report as the catalogue keeps it. */
final class OcrResults {

    private OcrResults() {
    }

    /** {@code ocr} as soon as one page was read: part of the text then comes from Tesseract. */
    static TextStatus textStatus(Response r) {
        TextStatus status = MetadataMapper.textStatus(r.text());
        return status == TextStatus.EXTRACTED && r.ocr() != null && r.ocr().read() > 0 ? TextStatus.OCR : status;
    }

    /** Null when OCR was not tried (off, no Tesseract, or a text layer on every page). */
    static OcrInfo info(OcrRequest request, Response r) {
        OcrReport report = r.ocr();
        if (request == null || report == null) {
            return null;
        }
        List<OcrInfo.Page> pages = new ArrayList<>();
        for (int i = 0; i < report.outcomes().size(); i++) {
            pages.add(new OcrInfo.Page(report.pages().get(i), report.outcomes().get(i)));
        }
        return new OcrInfo(request.language(), (int) report.read(), report.meanConfidence(), pages);
    }
}
