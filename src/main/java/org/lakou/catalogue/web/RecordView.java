package org.lakou.catalogue.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.lakou.catalogue.NearDuplicate;
import org.lakou.catalogue.Record;

/**
 * A record as {@code GET /api/records/{id}} answers it: its fields, plus, for staff only, the
 * near-duplicates found among the other records (a cataloguing aid, so the field is left out for
 * readers rather than shown empty).
 */
record RecordView(@JsonUnwrapped Record record,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<NearDuplicate> nearDuplicates) {
}
