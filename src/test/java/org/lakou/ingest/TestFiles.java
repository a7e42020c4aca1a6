package org.lakou.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Test documents made on the fly. Each carries a random token, so a file made by one test class
 * is never a duplicate of another's in the shared context.
 */
public final class TestFiles {

    public static final String FRENCH = "Le centre de ressources accompagne les acteurs de la politique de la ville "
            + "dans les quartiers prioritaires. Les ateliers de médiation sociale réunissent les habitants, "
            + "les associations et les services municipaux autour de la rénovation urbaine.";

    private TestFiles() {
    }

    /** The file's SHA-256 in hex: the only id the file store gives stored bytes (backups check it). */
    public static String sha256(java.nio.file.Path file) throws java.io.IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.nio.file.Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A text PDF with Info metadata: title, author, creation date, one paragraph per page. */
    public static Path textPdf(Path file, String title, String author, List<String> pages) throws IOException {
        return pdf(file, title, author, pages, null);
    }

    /** The same, protected by a user password (RC4/AES via PDFBox's standard security handler). */
    public static Path encryptedPdf(Path file) throws IOException {
        return pdf(file, "Confidentiel " + token(), "Secret", List.of(FRENCH), "user-" + token());
    }

    private static Path pdf(Path file, String title, String author, List<String> pages, String password)
            throws IOException {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 720);
                    for (String line : wrap(text, 85)) {
                        content.showText(line);
                        content.newLine();
                    }
                    content.endText();
                }
            }
            var info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            info.setCreationDate(new GregorianCalendar(2011, Calendar.MARCH, 14));
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-" + token(), password,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    public static Path randomBytes(Path file, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return Files.write(file, bytes);
    }

    /** Plain text of about {@code chars} characters, written without building it in memory. */
    public static Path bigText(Path file, long chars) throws IOException {
        byte[] line = (FRENCH + " " + token() + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < chars; written += line.length) {
                out.write(line);
            }
        }
        return file;
    }

    /** {@code size} zero bytes, produced as they are read. */
    public static InputStream zeros(long size) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
