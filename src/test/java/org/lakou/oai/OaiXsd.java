package org.lakou.oai;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.Assumptions;

/**
 * Validates responses against the official OAI-PMH, oai_dc and MODS 3.7 schemas kept in
 * {@code ../shared/oai}, fully offline: only local files may be read while compiling the schema.
 * Tests using it are skipped, with a message, where that folder is absent.
 */
public final class OaiXsd {

    private static final Path DIR = Path.of("..", "shared", "oai");
    private static Schema plain;
    private static Schema withMods;

    private OaiXsd() {
    }

    /** Skips the calling test when the schemas are not there. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(Files.isRegularFile(DIR.resolve("oai-pmh-all-mods.local.xsd")),
                "OAI-PMH schemas not found in " + DIR.toAbsolutePath() + ": XSD validation skipped");
    }

    /** OAI-PMH with oai_dc, oai-identifier and provenance. */
    public static void validate(String xml) {
        validate(xml, false);
    }

    /** The same plus MODS 3.7. */
    public static void validateWithMods(String xml) {
        validate(xml, true);
    }

    private static void validate(String xml, boolean mods) {
        assumeAvailable();
        try {
            Validator v = schema(mods).newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (Exception e) {
            String head = xml.length() > 3000 ? xml.substring(0, 3000) + "…" : xml;
            throw new AssertionError("Not valid against the " + (mods ? "MODS " : "") + "OAI-PMH schema: "
                    + e.getMessage() + "\n" + head, e);
        }
    }

    private static synchronized Schema schema(boolean mods) throws Exception {
        if (mods ? withMods == null : plain == null) {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            Path file = DIR.resolve(mods ? "oai-pmh-all-mods.local.xsd" : "oai-pmh-all.local.xsd").toAbsolutePath();
            Schema s = f.newSchema(new StreamSource(file.toFile()));
            if (mods) {
                withMods = s;
            } else {
                plain = s;
            }
        }
        return mods ? withMods : plain;
    }
}
