package org.lakou.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A physical copy of a record. The barcode is unique across the whole catalogue. */
public record Copy(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "letters, digits, '.', '_' or '-' (max 64)")
        String barcode,
        String shelfMark,
        String location,
        CopyStatus status) {

    public Copy {
        status = status == null ? CopyStatus.AVAILABLE : status;
    }

    public Copy withStatus(CopyStatus newStatus) {
        return new Copy(barcode, shelfMark, location, newStatus);
    }
}
