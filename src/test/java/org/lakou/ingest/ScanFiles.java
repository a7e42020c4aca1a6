package org.lakou.ingest;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scans made in the test: French text drawn with Java2D at 200 dpi, then either saved as a PNG or
 * wrapped page by page into a PDF that holds nothing but the images (no text layer at all).
 */
public final class ScanFiles {

    private static final int DPI = 200;

    private ScanFiles() {
    }

    /** One page image of A4 at 200 dpi carrying {@code lines}, black on white. */
    public static BufferedImage page(List<String> lines) {
        int width = (int) (8.27 * DPI);
        int height = (int) (11.69 * DPI);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 36));
            int y = 200;
            for (String line : lines) {
                g.drawString(line, 150, y);
                y += 60;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A PDF of image-only pages, one per entry of {@code pages}. */
    public static Path imagePdf(Path file, List<List<String>> pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(doc, page(lines));
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /**
     * A PDF whose pages are, in order, of the given kinds: {@code text} (a text layer),
     * {@code scan:<line>} (a full-page image of that line and a fixed French one, no text layer),
     * {@code blank} (nothing drawn) or {@code drawing} (vector lines only, as a chart is drawn).
     */
    public static Path mixedPdf(Path file, List<String> kinds) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String kind : kinds) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    drawPage(doc, content, kind);
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void drawPage(PDDocument doc, PDPageContentStream content, String kind) throws IOException {
        if (kind.startsWith("scan:")) {
            PDImageXObject image = LosslessFactory.createFromImage(doc,
                    page(List.of(kind.substring(5), "Rapport sur la médiation sociale du quartier.")));
            content.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        } else if (kind.equals("text")) {
            content.beginText();
            content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
            content.newLineAtOffset(50, 720);
            content.showText("Le centre de ressources accompagne les acteurs de la politique de la ville.");
            content.endText();
        } else if (kind.equals("drawing")) {
            for (int i = 0; i < 20; i++) {
                content.moveTo(60, 100 + 30 * i);
                content.lineTo(500, 120 + 25 * i);
            }
            content.stroke();
        }
    }

    public static Path png(Path file, List<String> lines) throws IOException {
        ImageIO.write(page(lines), "png", file.toFile());
        return file;
    }

    /** Writes each page of {@code pages} as {@code page-N.png} in {@code dir} (the benchmark's raw input). */
    public static List<Path> pngs(Path dir, List<List<String>> pages) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < pages.size(); i++) {
            out.add(png(dir.resolve("page-" + (i + 1) + ".png"), pages.get(i)));
        }
        return out;
    }

    /** Whether the {@code tesseract} command runs here with French data; OCR tests are skipped otherwise. */
    public static boolean tesseractWithFrench() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            return p.waitFor() == 0 && out.lines().anyMatch("fra"::equals);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
