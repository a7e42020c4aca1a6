package org.lakou.circulation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.google.zxing.oned.Code128Writer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.springframework.stereotype.Component;

/**
 * A sheet of copy labels as a PDF: A4, 3 × 8 labels of 70 × 37 mm (the common adhesive sheets).
 * Each label carries the centre's name, the shelf mark and a Code 128 barcode; ZXing computes the
 * bars, which are drawn as vector rectangles so that any printer prints them sharp.
 */
@Component
public class LabelSheet {

    /** One label's content. */
    public record Label(String barcode, String shelfMark) {
    }

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    private static final float MM = 72f / 25.4f;
    private static final float WIDTH = 70 * MM;
    private static final float HEIGHT = 37 * MM;
    private static final float TOP = (297 - ROWS * 37) / 2f * MM;
    private static final float PAD = 3 * MM;
    /** Code 128 wants ten modules of white on each side to be read. */
    private static final int QUIET = 10;

    private final CirculationProperties props;

    LabelSheet(CirculationProperties props) {
        this.props = props;
    }

    public byte[] render(List<Label> labels) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (int start = 0; start < labels.size(); start += COLUMNS * ROWS) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    List<Label> onPage = labels.subList(start, Math.min(labels.size(), start + COLUMNS * ROWS));
                    for (int i = 0; i < onPage.size(); i++) {
                        float x = (PDRectangle.A4.getWidth() - COLUMNS * WIDTH) / 2 + (i % COLUMNS) * WIDTH;
                        float y = PDRectangle.A4.getHeight() - TOP - (i / COLUMNS + 1) * HEIGHT;
                        label(s, onPage.get(i), x, y, regular, bold);
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void label(PDPageContentStream s, Label label, float x, float y, PDType1Font regular, PDType1Font bold)
            throws IOException {
        float inner = WIDTH - 2 * PAD;
        text(s, regular, 7, fit(regular, 7, props.centreName(), inner), x + PAD, y + HEIGHT - PAD - 7);
        String mark = label.shelfMark() == null ? "" : label.shelfMark();
        text(s, bold, 11, fit(bold, 11, mark, inner), x + PAD, y + HEIGHT - PAD - 20);
        bars(s, new Code128Writer().encode(label.barcode()), x + PAD, y + PAD + 9, inner, 13 * MM);
        text(s, regular, 8, fit(regular, 8, label.barcode(), inner), x + PAD + 2, y + PAD + 1);
    }

    /** Each dark module run becomes one filled rectangle; the code is scaled to the label's width. */
    private static void bars(PDPageContentStream s, boolean[] modules, float x, float y, float width, float height)
            throws IOException {
        float module = width / (modules.length + 2 * QUIET);
        float left = x + QUIET * module;
        int i = 0;
        while (i < modules.length) {
            if (!modules[i]) {
                i++;
                continue;
            }
            int run = i;
            while (run < modules.length && modules[run]) {
                run++;
            }
            s.addRect(left + i * module, y, (run - i) * module, height);
            i = run;
        }
        s.fill();
    }

    private static void text(PDPageContentStream s, PDType1Font font, float size, String text, float x, float y)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    /** The text in the font's encoding (others as '?'), cut with an ellipsis to the width. */
    static String fit(PDType1Font font, float size, String text, float width) throws IOException {
        StringBuilder safe = new StringBuilder();
        text.codePoints().forEach(cp -> safe.append(encodable(font, cp) ? Character.toString(cp) : "?"));
        String t = safe.toString();
        while (t.length() > 1 && font.getStringWidth(t) / 1000 * size > width) {
            t = t.substring(0, t.length() - 2) + "…";
        }
        return t;
    }

    private static boolean encodable(PDType1Font font, int cp) {
        try {
            font.encode(Character.toString(cp));
            return !Character.isISOControl(cp);
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
