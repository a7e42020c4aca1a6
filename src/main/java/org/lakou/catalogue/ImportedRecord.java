package org.lakou.catalogue;

/**
 * One record of a batch import that brings its file's extracted text along (a catalogue migrated
 * with its full texts): {@code file} and {@code text} are both null for a metadata-only record.
 * The text is stored where indexing and reindexing read it, under the file's id.
 */
public record ImportedRecord(RecordFields fields, FileRef file, String text) {

    public ImportedRecord {
        if (fields == null) {
            throw new IllegalArgumentException("an imported record needs its fields");
        }
        if (file == null && text != null) {
            throw new IllegalArgumentException("an extracted text belongs to a file");
        }
    }
}
