package org.lakou.duplicates;

import java.util.List;

import org.lakou.catalogue.NearDuplicate;
import org.lakou.catalogue.Record;

/**
 * Compares a record's text with every other record's and remembers the result on both sides.
 * Which text: the files' extracted text when it has enough words, else the title, subtitle and
 * abstract (a harvested copy, or a record catalogued by hand), so that records are compared on
 * what they have.
 */
public interface NearDuplicates {

    /**
     * Computes and stores the record's signature, finds the live records (not deleted, not
     * withdrawn) that resemble it at {@code lakou.duplicates.threshold} or more, and records the
     * match on both. Idempotent: running it again for the same text changes nothing.
     *
     * @param fullText the extracted text of the record's files, empty or null when there is none
     * @return the near-duplicates found, most similar first; empty when the text is too short to judge
     */
    List<NearDuplicate> register(Record record, String fullText);
}
