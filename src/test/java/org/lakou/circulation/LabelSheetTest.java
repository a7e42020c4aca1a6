package org.lakou.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.GenericMultipleBarcodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lakou.IntegrationTestBase;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.site.Pages;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The label sheet (/gestion/etiquettes/planche.pdf) is printed, not just produced: the PDF is
 * rendered to pixels as a printer would, and ZXing must read back from the bars exactly the
 * barcodes asked for; the shelf marks and the centre's name are on the page as text.
 */
class LabelSheetTest extends IntegrationTestBase {

    @Autowired
    CatalogueApi catalogue;

    @Test
    void theSheetsBarsDecodeToTheChosenBarcodesWithShelfMarksAndTheCentresName() throws Exception {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 2);
        catalogue.updateCopy(r.id(), new Copy(f.barcodes(r).get(1), "307.3 QUA", "Salle", null));
        String a = f.barcodes(r).get(0);
        String b = f.barcodes(r).get(1);

        byte[] pdf = documentalist().bytes("/gestion/etiquettes/planche.pdf?code=" + a + "&codes=" + b);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("362 VIL", "307.3 QUA", "Centre de ressources", a, b);
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200, ImageType.GRAY);
            assertThat(decodeAll(page)).containsExactlyInAnyOrder(a, b);
        }
    }

    @Test
    void aSheetOfMoreThanTwentyFourLabelsTakesASecondPage() throws Exception {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("guide", 25);
        String codes = String.join("%0A", f.barcodes(r));
        byte[] pdf = documentalist().bytes("/gestion/etiquettes/planche.pdf?codes=" + codes);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(2);
            BufferedImage second = new PDFRenderer(doc).renderImageWithDPI(1, 200, ImageType.GRAY);
            assertThat(decodeAll(second)).containsExactly(f.barcodes(r).get(24));
        }
    }

    @Test
    void unknownOrMissingBarcodesAreA400NamingThem() {
        Pages p = new Pages(baseUrl());
        p.login(DOCUMENTALIST, PASSWORD);
        Pages.Page unknown = p.get("/gestion/etiquettes/planche.pdf?codes=NO-SUCH-COPY");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("id=\"labels-error\"", "Aucun exemplaire n’a ce code-barres : NO-SUCH-COPY.")
                .contains(">NO-SUCH-COPY</textarea>");
        Pages.Page none = p.get("/gestion/etiquettes/planche.pdf");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("Choisissez au moins un exemplaire.");
    }

    @Test
    void theChoicePageListsRecentCopiesWithCheckboxes() {
        Fixtures f = new Fixtures(catalogue, memberApi);
        Record r = f.record("étude", 1);
        String barcode = f.barcodes(r).get(0);
        Pages p = new Pages(baseUrl());
        p.login(DOCUMENTALIST, PASSWORD);
        Pages.Page page = p.get("/gestion/etiquettes?code=" + barcode);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"code\"", "value=\"" + barcode + "\"", r.title(), "id=\"codes\"")
                .containsPattern("<input(?=[^>]*value=\"" + barcode + "\")(?=[^>]*checked)[^>]*>");
    }

    private static Set<String> decodeAll(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new Gray(image)));
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.POSSIBLE_FORMATS, java.util.List.of(BarcodeFormat.CODE_128),
                DecodeHintType.TRY_HARDER, Boolean.TRUE);
        Set<String> out = new TreeSet<>();
        for (Result r : new GenericMultipleBarcodeReader(new MultiFormatReader()).decodeMultiple(bitmap, hints)) {
            assertThat(r.getBarcodeFormat()).isEqualTo(BarcodeFormat.CODE_128);
            out.add(r.getText());
        }
        return out;
    }

    /** ZXing's core has no BufferedImage source (that is its javase module): the page's grey levels. */
    static final class Gray extends LuminanceSource {
        private final byte[] pixels;
        private final int stride;
        private final int left;
        private final int top;

        Gray(BufferedImage image) {
            this(grey(image), image.getWidth(), 0, 0, image.getWidth(), image.getHeight());
        }

        private Gray(byte[] pixels, int stride, int left, int top, int width, int height) {
            super(width, height);
            this.pixels = pixels;
            this.stride = stride;
            this.left = left;
            this.top = top;
        }

        private static byte[] grey(BufferedImage image) {
            byte[] out = new byte[image.getWidth() * image.getHeight()];
            image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), out);
            return out;
        }

        @Override
        public byte[] getRow(int y, byte[] row) {
            byte[] out = row == null || row.length < getWidth() ? new byte[getWidth()] : row;
            System.arraycopy(pixels, (top + y) * stride + left, out, 0, getWidth());
            return out;
        }

        @Override
        public byte[] getMatrix() {
            byte[] out = new byte[getWidth() * getHeight()];
            for (int y = 0; y < getHeight(); y++) {
                System.arraycopy(pixels, (top + y) * stride + left, out, y * getWidth(), getWidth());
            }
            return out;
        }

        @Override
        public boolean isCropSupported() {
            return true;
        }

        @Override
        public LuminanceSource crop(int x, int y, int width, int height) {
            return new Gray(pixels, stride, left + x, top + y, width, height);
        }
    }
}
