package org.lakou.catalogue;

import java.util.List;

/** Text read from a record's files after the record was made: OCR run later over older scans. */
public interface FileTexts {

    /**
     * Live local records with a file that has no text and on which OCR was never tried. A full
     * scan of the records (a rare, staff-started sweep); its answer shrinks as OCR is recorded, so
     * an interrupted run resumes where it stopped.
     */
    List<String> awaitingOcr();

    /**
     * Replaces the record's file of the same id with {@code file} and stores {@code text} as that
     * file's text; the record is re-indexed like any change.
     *
     * @throws RecordNotFoundException when the record is gone, deleted, or has no such file
     */
    Record replaceFileText(String recordId, FileRef file, String text);
}
