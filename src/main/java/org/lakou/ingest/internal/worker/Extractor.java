package org.lakou.ingest.internal.worker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageDetector;
import org.apache.tika.language.detect.LanguageResult;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.lakou.ingest.internal.worker.OutcomeClassifier.Verdict;
import org.lakou.ingest.internal.worker.WorkerProtocol.Code;
import org.lakou.ingest.internal.worker.WorkerProtocol.Request;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;

/**
 * One worker's Tika: built once, reused for every file. Runs only in the child JVM, where a
 * parser that loops or eats memory harms nobody but this process.
 */
final class Extractor {

    /** Only these keys travel back; the rest of Tika's metadata is noise to the catalogue. */
    private static final Set<String> KEYS = Set.of("dc:title", "dc:creator", "meta:author", "dc:publisher",
            "dcterms:created", "dcterms:modified", "dc:language", "xmpTPg:NPages", "meta:page-count",
            "Content-Type", "Content-Language", "dcterms.created", "dc.date", "DC.date");
    /** Enough to tell an archive's entries apart from an encrypted one without walking all of it. */
    private static final int ARCHIVE_PROBE_CHARS = 10_000;
    /**
     * OpenNLP needs about 100 characters and its cost grows with the sample, so it gets 450 from
     * three places, not the whole text: on the test corpus 300, 450 and 900 characters gave the
     * same answer for every file, at 0.2, 0.4 and 0.6–0.8 ms.
     */
    private static final int MIN_LANGUAGE_LETTERS = 100;
    private static final int LANGUAGE_SAMPLE = 450;

    /** Uploaded images that get OCR, besides PDF pages. */
    private static final Set<MediaType> OCR_IMAGES = Set.of(MediaType.image("png"), MediaType.image("jpeg"),
            MediaType.image("tiff"));

    private static final TesseractOCRConfig NO_OCR = noOcr();
    private final Tesseracts tesseracts = new Tesseracts();
    private final AutoDetectParser parser = new AutoDetectParser();
    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
    private final OutcomeClassifier classifier = new OutcomeClassifier(mimeTypes.getMediaTypeRegistry());
    private final LanguageDetector languages;
    private final OfficeParserConfig office = new OfficeParserConfig();

    Extractor() throws IOException {
        languages = new OpenNLPDetector().loadModels();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
    }

    /** Loads the PDF, HTML and language classes now, so the first real file is not slow. */
    void warmUp() throws IOException {
        String sentence = "Le centre de ressources accompagne les acteurs de la politique de la ville "
                + "dans les quartiers prioritaires et publie chaque année un rapport d'activité.";
        parseBytes(tinyPdf(sentence), "warm-up.pdf");
        parseBytes(("<html><head><title>t</title></head><body><p>" + sentence + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8), "warm-up.html");
        languages.detect(sentence);
    }

    Response extract(Request req) {
        Metadata md = new Metadata();
        OcrSession ocr = ocrSession(req, md);
        try {
            return extract(req, md, ocr);
        } finally {
            close(ocr);
        }
    }

    /** The OCR session's own PDFBox view of the file; failing to close it must not lose the answer. */
    private static void close(OcrSession ocr) {
        try {
            if (ocr != null) {
                ocr.close();
            }
        } catch (IOException e) {
            System.err.println("closing the OCR page check failed: " + e);
        }
    }

    private Response extract(Request req, Metadata md, OcrSession ocr) {
        MediaType type = MediaType.OCTET_STREAM;
        BodyContentHandler handler = null;
        Throwable failure = null;
        boolean truncated = false;
        try (TikaInputStream tis = TikaInputStream.get(Path.of(req.path()))) {
            // after get(): it would otherwise name the temp file, and detection trusts the name
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, req.fileName());
            type = parser.getDetector().detect(tis, md);
            // the parser would detect again (magic bytes, zip entries): an eighth of a worker's time
            md.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type.toString());
            handler = new BodyContentHandler(OutcomeClassifier.isArchive(type)
                    ? Math.min(ARCHIVE_PROBE_CHARS, req.maxChars()) : req.maxChars());
            parser.parse(tis, handler, md, context(ocr));
            // Tika's image parsers may already hand the image to the session as an embedded OCR page
            if (ocr != null && !ocr.tried() && OCR_IMAGES.contains(type.getBaseType())) {
                try (TikaInputStream image = TikaInputStream.get(Path.of(req.path()))) {
                    ocr.ocrPage(image, handler, new Metadata(), 1);
                }
            }
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                truncated = true;
            } else {
                failure = e;
            }
        } catch (StackOverflowError e) {
            // deep recursion in a hostile file; the stack is unwound, but start afresh to be safe
            return new Response(Code.CORRUPT, type.toString(), OutcomeClassifier.describe(e), Map.of(), null,
                    false, "", heapPeak(), true);
        }
        Verdict verdict = classifier.classify(type, nameType(req.fileName()), md, failure);
        String detected = md.get(Metadata.CONTENT_TYPE) != null ? md.get(Metadata.CONTENT_TYPE) : type.toString();
        if (verdict.code() != Code.OK) {
            return new Response(verdict.code(), detected, verdict.detail(), Map.of(), null, false, "", heapPeak(),
                    false);
        }
        String text = handler == null ? "" : handler.toString().strip();
        return new Response(Code.OK, detected, null, keep(md), language(text), truncated, text, heapPeak(), false,
                ocr == null || !ocr.tried() ? null : ocr.report());
    }

    /** Null when the request asks for no OCR or Tesseract cannot be run here. */
    private OcrSession ocrSession(Request req, Metadata md) {
        if (req.ocr() == null) {
            return null;
        }
        long start = System.nanoTime();
        return tesseracts.forDir(req.ocr().tesseractDir())
                .map(t -> new OcrSession(parser, t, req.ocr(), start, md, Path.of(req.path()))).orElse(null);
    }

    /**
     * Embedded documents are parsed too (attachments, OLE objects). Word and PowerPoint files go
     * through Tika's streaming (SAX) extractors: the default builds POI's whole XMLBeans object
     * model first, which took a tenth of a worker's time and most of its memory on .docx files.
     * Tika's own OCR stays off (it would run Tesseract, unbounded per page, on every image of every
     * document); with an {@link OcrSession}, PDF pages without a usable text layer go through it,
     * as its {@link PageChooser} allows.
     */
    private ParseContext context(OcrSession ocr) {
        ParseContext context = new ParseContext();
        context.set(Parser.class, ocr == null ? parser : ocr);
        context.set(OfficeParserConfig.class, office);
        context.set(TesseractOCRConfig.class, NO_OCR);
        if (ocr != null) {
            PDFParserConfig pdf = new PDFParserConfig();
            pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.AUTO);
            pdf.setOcrStrategyAuto(PageChooser.TIKA_AUTO);
            pdf.setOcrDPI(ocr.dpi());
            context.set(PDFParserConfig.class, pdf);
        }
        return context;
    }

    private static TesseractOCRConfig noOcr() {
        TesseractOCRConfig ocr = new TesseractOCRConfig();
        ocr.setSkipOcr(true);
        return ocr;
    }

    private MediaType nameType(String fileName) {
        Metadata byName = new Metadata();
        byName.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        try {
            return mimeTypes.detect(null, byName);
        } catch (IOException e) {
            return null;
        }
    }

    private String language(String text) {
        String sample = sample(text);
        if (sample.chars().filter(Character::isLetter).count() < MIN_LANGUAGE_LETTERS) {
            return null;
        }
        // not isUnknown(): OpenNLP reports confidence NONE even for a right answer on short texts
        LanguageResult result = languages.detect(sample);
        return result.getLanguage() == null || result.getLanguage().isEmpty() ? null
                : LanguageCodes.normalize(result.getLanguage());
    }

    /**
     * Three windows (start, middle, two thirds) rather than the first page alone: a French manual
     * that opens with an English licence is still French.
     */
    static String sample(String text) {
        if (text.length() <= LANGUAGE_SAMPLE) {
            return text;
        }
        int w = LANGUAGE_SAMPLE / 3;
        int mid = text.length() / 2;
        int twoThirds = text.length() * 2 / 3;
        return text.substring(0, w) + " " + text.substring(mid, mid + w) + " " + text.substring(twoThirds,
                Math.min(text.length(), twoThirds + w));
    }

    private static Map<String, List<String>> keep(Metadata md) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (String name : md.names()) {
            if (KEYS.contains(name)) {
                List<String> values = new ArrayList<>(new LinkedHashSet<>(List.of(md.getValues(name))));
                values.removeIf(v -> v == null || v.isBlank() || v.length() > 2000);
                if (!values.isEmpty()) {
                    kept.put(name, values);
                }
            }
        }
        return kept;
    }

    /** Sum of the heap pools' peaks: an upper bound, cheap enough to send with every answer. */
    private static long heapPeak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private void parseBytes(byte[] bytes, String name) {
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream tis = TikaInputStream.get(bytes)) {
            parser.parse(tis, new BodyContentHandler(-1), md, context(null));
        } catch (Exception e) {
            System.err.println("warm-up parse of " + name + " failed: " + e);
        }
    }

    private static byte[] tinyPdf(String text) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.newLineAtOffset(40, 700);
                content.showText(text.substring(0, 80));
                content.endText();
            }
            doc.save(out);
            return out.toByteArray();
        }
    }
}
