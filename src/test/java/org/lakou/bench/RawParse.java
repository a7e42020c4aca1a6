package org.lakou.bench;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import org.apache.solr.common.SolrInputDocument;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.bson.Document;

/**
 * The raw pipeline's parse, set up as Lakou's workers set up theirs (so the floor does the same
 * parse, not a cheaper or dearer one): one {@code AutoDetectParser} for all threads, the type
 * detected once and handed to the parser, embedded documents parsed, Word and PowerPoint through
 * Tika's SAX extractors, OCR off, the text cut at the same write limit. No language detection:
 * that is a feature of Lakou's, not work every ingest must do.
 */
final class RawParse {

    private final AutoDetectParser parser = new AutoDetectParser();
    private final OfficeParserConfig office = new OfficeParserConfig();
    private final TesseractOCRConfig noOcr = new TesseractOCRConfig();
    private final int maxChars;

    RawParse(int maxChars) {
        this.maxChars = maxChars;
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        noOcr.setSkipOcr(true);
    }

    record Result(String type, Metadata metadata, String text, boolean failed) {

        /** About what Lakou keeps for a draft: its metadata, the file's reference, and the text. */
        Document record(String sha, String name, long size) {
            return new Document("_id", sha).append("status", "draft").append("title", title(name))
                    .append("creators", creators()).append("language", metadata.get("dc:language"))
                    .append("created", metadata.get("dcterms:created")).append("version", 1L)
                    .append("modified", new Date())
                    .append("files", List.of(new Document("id", sha).append("name", name).append("mimeType", type)
                            .append("size", size).append("textLength", text.length())))
                    .append("text", text);
        }

        /** The fields Lakou's indexer writes for a draft, the text in the public text field. */
        SolrInputDocument solrDocument(String sha, String name) {
            SolrInputDocument d = new SolrInputDocument();
            d.setField("id", sha);
            d.setField("title", title(name));
            d.setField("status", "draft");
            d.setField("deleted", false);
            d.setField("version", 1L);
            d.setField("modified", new Date());
            d.setField("accessLevel", "public");
            d.setField("type", type);
            if (!creators().isEmpty()) {
                d.setField("creators", creators());
            }
            if (!text.isEmpty()) {
                d.setField("text_public", text);
            }
            d.setField("title_sort", title(name).toLowerCase());
            return d;
        }

        private String title(String fallback) {
            String t = metadata.get(TikaCoreProperties.TITLE);
            return t == null || t.isBlank() ? fallback : t;
        }

        private List<String> creators() {
            return List.of(metadata.getValues(TikaCoreProperties.CREATOR));
        }
    }

    Result parse(Path file, String name) {
        Metadata md = new Metadata();
        MediaType type = MediaType.OCTET_STREAM;
        BodyContentHandler handler = new BodyContentHandler(maxChars);
        boolean failed = false;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
            type = parser.getDetector().detect(in, md);
            md.set(TikaCoreProperties.CONTENT_TYPE_USER_OVERRIDE, type.toString());
            ParseContext context = new ParseContext();
            context.set(Parser.class, parser);
            context.set(OfficeParserConfig.class, office);
            context.set(TesseractOCRConfig.class, noOcr);
            parser.parse(in, handler, md, context);
        } catch (Exception e) {
            failed = !WriteLimitReachedException.isWriteLimitReached(e);
        }
        return new Result(type.toString(), md, handler.toString().strip(), failed);
    }
}
