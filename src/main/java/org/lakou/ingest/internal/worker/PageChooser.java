package org.lakou.ingest.internal.worker;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;

/**
 * Which PDF pages are worth Tesseract's time. Tika's AUTO strategy asks for every page with at
 * most {@value #MIN_TEXT_CHARS} characters or too many unmapped glyphs; before rendering it, it
 * asks whether an OCR parser is there, and this is where the page is judged:
 * <ul>
 * <li>a page that draws no large image and few glyphs (blank, or a vector chart) has nothing OCR
 * reads: never rendered;</li>
 * <li>once an earlier page had a usable text layer, only {@code besideText} pages are read (a
 * thesis's full-page figures would otherwise cost seconds each); later ones are {@code skipped};</li>
 * <li>a scan (no text layer on any page so far) is read whole, within the document's time bound.</li>
 * </ul>
 * Tika keeps one count per page in the document's metadata as it goes, so the number of counts
 * is the page being asked about. Only the top-level document's pages are tracked.
 */
final class PageChooser implements Closeable {

    /** Tika's threshold, kept: a page with this many characters or fewer has no text layer. */
    static final int MIN_TEXT_CHARS = 10;
    /**
     * Tika's default counts ten unmapped glyphs as an unusable layer: the corpus's 117-page thesis
     * has 11 to 89 math symbols on 44 pages whose text reads well (1–10 % of their characters).
     * A page is unusable when a third of its glyphs cannot be mapped to text.
     */
    static final float MAX_UNMAPPED_SHARE = 0.3f;
    /** In Tika's {@code num%, num} syntax. */
    static final String TIKA_AUTO = Math.round(MAX_UNMAPPED_SHARE * 100) + "%, " + MIN_TEXT_CHARS;
    /** A fifth of the page: a scanned clipping, not a logo or a rule (the corpus's scans: 0.3–1). */
    static final double MIN_IMAGE_COVERAGE = 0.2;
    /** Glyphs drawn on a page Tika found no usable text on: text in a font without a Unicode map. */
    static final int MIN_GLYPHS = 50;

    private final Metadata document;
    private final Path file;
    private final int besideText;
    private final IntConsumer skipped;
    private final Map<Integer, Boolean> decided = new HashMap<>();
    private PDDocument pdf;
    private boolean unreadable;
    private int accepted;

    PageChooser(Metadata document, Path file, int besideText, IntConsumer skipped) {
        this.document = document;
        this.file = file;
        this.besideText = besideText;
        this.skipped = skipped;
    }

    /** Whether to offer OCR for the page Tika is on; true outside PDF pages (images, as before). */
    boolean offer() {
        int[] chars = counts(PDF.CHARACTERS_PER_PAGE);
        int[] unmapped = counts(PDF.UNMAPPED_UNICODE_CHARS_PER_PAGE);
        int page = chars.length;
        if (page == 0 || unmapped.length != page) {
            return true;
        }
        Boolean known = decided.get(page);
        if (known != null) {
            return known;
        }
        if (usable(chars[page - 1], unmapped[page - 1])) {
            // Tika asks at other times too (the document's end); it reads no page with a text layer
            return true;
        }
        boolean read = choose(page, chars, unmapped);
        decided.put(page, read);
        return read;
    }

    private boolean choose(int page, int[] chars, int[] unmapped) {
        PageInk.Summary ink = ink(page);
        if (ink != null && ink.imageCoverage() < MIN_IMAGE_COVERAGE && ink.glyphs() < MIN_GLYPHS) {
            return false;
        }
        if (accepted >= besideText && textBefore(page, chars, unmapped)) {
            skipped.accept(page);
            return false;
        }
        accepted++;
        return true;
    }

    private static boolean textBefore(int page, int[] chars, int[] unmapped) {
        for (int i = 0; i < page - 1; i++) {
            if (usable(chars[i], unmapped[i])) {
                return true;
            }
        }
        return false;
    }

    static boolean usable(int chars, int unmapped) {
        return chars > MIN_TEXT_CHARS && unmapped <= MAX_UNMAPPED_SHARE * chars;
    }

    /** Null when PDFBox cannot tell (the page is then read, as Tika asked). */
    private PageInk.Summary ink(int page) {
        try {
            if (pdf == null && !unreadable) {
                pdf = Loader.loadPDF(file.toFile());
            }
            return pdf == null || page > pdf.getNumberOfPages() ? null : PageInk.of(pdf.getPage(page - 1));
        } catch (IOException | RuntimeException e) {
            unreadable = pdf == null;
            return null;
        }
    }

    private int[] counts(org.apache.tika.metadata.Property property) {
        String[] values = document.getValues(property);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                out[i] = Integer.parseInt(values[i]);
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        if (pdf != null) {
            pdf.close();
        }
    }
}
