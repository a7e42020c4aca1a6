package org.lakou.catalogue;

/**
 * A file attached to a record. Its id is the SHA-256 of its bytes, which is also its key in the
 * file store, so the same bytes are stored once.
 */
public record FileRef(
        String id,
        String name,
        String mimeType,
        long size,
        Integer pages,
        long textLength,
        boolean truncated,
        TextStatus textStatus) {
}
