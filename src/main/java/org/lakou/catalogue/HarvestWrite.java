package org.lakou.catalogue;

/** What a harvested upsert or removal did; {@code UNCHANGED} wrote nothing. */
public record HarvestWrite(Record record, Outcome outcome) {

    public enum Outcome { ADDED, UPDATED, DELETED, UNCHANGED }
}
