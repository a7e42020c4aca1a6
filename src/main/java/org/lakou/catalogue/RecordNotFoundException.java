package org.lakou.catalogue;

import org.lakou.shared.ApiException;
import org.springframework.http.HttpStatus;

public class RecordNotFoundException extends ApiException {

    public RecordNotFoundException(String id) {
        super(HttpStatus.NOT_FOUND, "Record not found", "Record " + id + " does not exist");
        with("id", id);
    }
}
