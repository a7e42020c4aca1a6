package org.lakou.ingest.internal.worker;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;

import org.apache.tika.config.TikaTaskTimeout;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.metadata.TikaPagedText;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrReport;
import org.lakou.ingest.internal.worker.WorkerProtocol.OcrRequest;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * OCR for one document. It stands in the parse context as the parser of embedded content, so
 * Tika's PDF parser (strategy AUTO: only pages without a usable text layer) hands it each page
 * image it renders (and only those: a picture inside an office file is not a page); every other
 * embedded part goes on to the real parser. Each page runs
 * Tesseract under its own bound, clipped by what is left of the document's; a page that times out
 * or fails is recorded and the document goes on, so one bad page never loses the others' text.
 */
final class OcrSession extends ParserDecorator implements Closeable {

    /** What Tika's PDF parser asks for (image/ocr-png by default); the ocr- prefix marks a page render. */
    private static final Set<MediaType> PAGE_TYPES = Set.of(MediaType.image("ocr-png"), MediaType.image("ocr-jpeg"),
            MediaType.image("ocr-tiff"));

    private final transient TesseractOCRParser tesseract;
    private final transient OcrRequest request;
    private final long deadlineNanos;
    private final transient PageChooser chooser;
    /** How deep in embedded documents the parse is; only the file's own pages get OCR. */
    private int embedded;
    private final List<Integer> pages = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private long words;
    private double confidenceSum;

    /** {@code document} is the metadata Tika fills for {@code file} as it parses it. */
    OcrSession(Parser delegate, TesseractOCRParser tesseract, OcrRequest request, long startNanos,
            Metadata document, Path file) {
        super(delegate);
        this.tesseract = tesseract;
        this.request = request;
        this.deadlineNanos = startNanos + request.documentTimeoutMillis() * 1_000_000L;
        this.chooser = new PageChooser(document, file, request.pagesBesideText(), page -> record(page, "skipped"));
    }

    /** Tika's PDF parser asks this before it renders a page for OCR: a page not worth it is never rendered. */
    @Override
    public Set<MediaType> getSupportedTypes(ParseContext context) {
        Set<MediaType> types = new HashSet<>(super.getSupportedTypes(context));
        // the pages of a document inside the file (a PDF portfolio's parts) are not the file's pages
        if (embedded == 0 && chooser.offer()) {
            types.addAll(PAGE_TYPES);
        }
        return types;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        String override = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
        MediaType type = override == null ? null : MediaType.parse(override);
        Integer page = metadata.getInt(TikaPagedText.PAGE_NUMBER);
        // Tika also asks for image/ocr-* on pictures embedded in office and EPUB files; only a PDF
        // page render carries a page number, and only those are read (pictures go on, and Tika's
        // own Tesseract skips them: NO_OCR)
        if (type == null || !PAGE_TYPES.contains(type.getBaseType()) || page == null) {
            embedded++;
            try {
                super.parse(stream, handler, metadata, context);
            } finally {
                embedded--;
            }
            return;
        }
        ocrPage(stream, handler, metadata, page);
    }

    /** Reads one image (a rendered page, or an uploaded PNG/JPEG/TIFF) into {@code handler}. */
    void ocrPage(InputStream image, ContentHandler handler, Metadata metadata, int page)
            throws IOException, SAXException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            record(page, "skipped");
            return;
        }
        HocrCounter counter = new HocrCounter(new EmbeddedContentHandler(handler));
        try {
            tesseract.parse(image, counter, metadata, pageContext(Math.min(request.pageTimeoutMillis(), left)));
            record(page, counter.letters() > 0 ? "ok" : "empty");
        } catch (SAXException e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                record(page, "ok");
            }
            throw e;
        } catch (TikaException e) {
            // Tika says "TesseractOCRParser timeout" and has already killed the process
            boolean timedOut = String.valueOf(e.getMessage()).toLowerCase().contains("timeout");
            record(page, timedOut ? "timeout" : "failed");
            if (!timedOut) {
                System.err.println("OCR of page " + page + " failed: " + e.getMessage());
            }
        } finally {
            words += counter.words();
            confidenceSum += counter.confidenceSum();
        }
    }

    private ParseContext pageContext(long timeoutMillis) {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setLanguage(request.language());
        // hOCR carries a confidence per word (x_wconf), which plain text output drops
        config.setOutputType(TesseractOCRConfig.OUTPUT_TYPE.HOCR);
        // Tesseract's own default layout analysis; Tika's default (1) adds orientation detection per page
        config.setPageSegMode("3");
        config.setTimeoutSeconds((int) Math.max(1, (timeoutMillis + 999) / 1000));
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, config);
        // milliseconds, where the config only has seconds
        context.set(TikaTaskTimeout.class, new TikaTaskTimeout(Math.max(1, timeoutMillis)));
        return context;
    }

    private void record(int page, String outcome) {
        pages.add(page);
        outcomes.add(outcome);
    }

    @Override
    public void close() throws IOException {
        chooser.close();
    }

    int dpi() {
        return request.dpi();
    }

    boolean tried() {
        return !outcomes.isEmpty();
    }

    OcrReport report() {
        return new OcrReport(List.copyOf(pages), List.copyOf(outcomes),
                words == 0 ? null : Math.round(confidenceSum / words * 10) / 10.0);
    }
}
