package org.lakou.ingest.internal.worker;

import java.awt.geom.Point2D;
import java.io.IOException;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/**
 * What a PDF page draws, as far as OCR cares: the share of the page covered by images (a scan
 * covers all of it, a blank or vector-only page none) and the number of glyphs drawn (a page whose
 * glyphs Tika could not map to text is text OCR can read). One pass over the page's content
 * stream, without rendering: only pages Tika found no usable text on are looked at.
 */
final class PageInk extends PDFGraphicsStreamEngine {

    /** What was found on one page. */
    record Summary(double imageCoverage, int glyphs) {
    }

    private final double pageArea;
    private double imageArea;
    private int glyphs;

    private PageInk(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        pageArea = Math.max(1, (double) box.getWidth() * box.getHeight());
    }

    static Summary of(PDPage page) throws IOException {
        PageInk ink = new PageInk(page);
        ink.processPage(page);
        return new Summary(Math.min(1, ink.imageArea / ink.pageArea), ink.glyphs);
    }

    @Override
    public void drawImage(PDImage image) {
        // an image is drawn into the unit square mapped by the current matrix: its area is the
        // matrix's determinant (overlapping images may add up past the page, hence the cap above)
        Matrix m = getGraphicsState().getCurrentTransformationMatrix();
        imageArea += Math.abs((double) m.getValue(0, 0) * m.getValue(1, 1) - (double) m.getValue(0, 1) * m.getValue(1, 0));
    }

    @Override
    protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement) {
        glyphs++;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        // paths are not ink OCR reads
    }

    @Override
    public void clip(int windingRule) {
        // clipping does not change what is drawn enough to matter here
    }

    @Override
    public void moveTo(float x, float y) {
        // paths are not ink OCR reads
    }

    @Override
    public void lineTo(float x, float y) {
        // paths are not ink OCR reads
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        // paths are not ink OCR reads
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float();
    }

    @Override
    public void closePath() {
        // paths are not ink OCR reads
    }

    @Override
    public void endPath() {
        // paths are not ink OCR reads
    }

    @Override
    public void strokePath() {
        // paths are not ink OCR reads
    }

    @Override
    public void fillPath(int windingRule) {
        // paths are not ink OCR reads
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        // paths are not ink OCR reads
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // a gradient is not ink OCR reads
    }
}
