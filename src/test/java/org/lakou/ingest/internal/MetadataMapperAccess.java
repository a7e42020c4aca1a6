package org.lakou.ingest.internal;

import org.lakou.catalogue.RecordFields;
import org.lakou.catalogue.TextStatus;
import org.lakou.ingest.internal.worker.WorkerProtocol.Response;

/** Opens the package-private mapper to the tests in {@code org.lakou.ingest}. */
public final class MetadataMapperAccess {

    private MetadataMapperAccess() {
    }

    public static RecordFields fields(Response r, String fileName) {
        return MetadataMapper.fields(r, fileName);
    }

    public static String title(String metaTitle, String fileName) {
        return MetadataMapper.title(metaTitle, fileName);
    }

    public static TextStatus textStatus(String text) {
        return MetadataMapper.textStatus(text);
    }

    public static String mimeType(String contentType) {
        return MetadataMapper.mimeType(contentType);
    }
}
