package org.lakou.oai.internal;

import io.gdcc.xoai.dataprovider.model.MetadataFormat;

/** The two formats Lakou disseminates. */
public final class MetadataFormats {

    public static final String OAI_DC = "oai_dc";
    public static final String OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public static final String OAI_DC_XSD = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd";
    public static final String DC_NS = "http://purl.org/dc/elements/1.1/";
    public static final String MODS = "mods";
    public static final String MODS_NS = "http://www.loc.gov/mods/v3";
    public static final String MODS_XSD = "https://www.loc.gov/standards/mods/v3/mods-3-7.xsd";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private MetadataFormats() {
    }

    static MetadataFormat oaiDc() {
        return MetadataFormat.metadataFormat(OAI_DC).withNamespace(OAI_DC_NS).withSchemaLocation(OAI_DC_XSD);
    }

    static MetadataFormat mods() {
        return MetadataFormat.metadataFormat(MODS).withNamespace(MODS_NS).withSchemaLocation(MODS_XSD);
    }
}
