package org.lakou.ingest.internal.worker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Passes Tesseract's hOCR through to the text handler while reading what it says about itself:
 * each word's confidence ({@code x_wconf}, 0–100, in the word's {@code title}) and whether any
 * letter or digit came out at all, which tells an empty page from a read one.
 */
final class HocrCounter extends ContentHandlerDecorator {

    private static final Pattern WCONF = Pattern.compile("x_wconf (\\d+)");

    private long words;
    private long confidenceSum;
    private long letters;
    private boolean wrote;
    private char pending;

    HocrCounter(ContentHandler handler) {
        super(handler);
    }

    @Override
    public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
        String cls = atts.getValue("class");
        if ("ocr_line".equals(cls) || "ocr_par".equals(cls)) {
            separate('\n');
        } else if ("ocrx_word".equals(cls)) {
            separate(' ');
            String title = atts.getValue("title");
            Matcher m = WCONF.matcher(title == null ? "" : title);
            if (m.find()) {
                words++;
                confidenceSum += Integer.parseInt(m.group(1));
            }
        }
        super.startElement(uri, localName, name, atts);
    }

    /**
     * hOCR puts every word on a line of its own, indented: that layout whitespace is dropped, and
     * words get one space between them and a line break between lines, as in Tesseract's text output.
     */
    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        boolean blank = true;
        for (int i = start; i < start + length; i++) {
            if (Character.isLetterOrDigit(ch[i])) {
                letters++;
            }
            blank &= Character.isWhitespace(ch[i]);
        }
        if (blank) {
            return;
        }
        if (pending != 0) {
            // written only when a word follows, so nothing trails the last one
            super.characters(new char[] {pending}, 0, 1);
            pending = 0;
        }
        super.characters(ch, start, length);
        wrote = true;
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) {
        // layout of the hOCR file, not of the page
    }

    private void separate(char c) {
        if (wrote && pending != '\n') {
            pending = c;
        }
    }

    long words() {
        return words;
    }

    long confidenceSum() {
        return confidenceSum;
    }

    long letters() {
        return letters;
    }
}
