package org.lakou.requests.web;

import org.lakou.requests.RequestApi;
import org.lakou.requests.RequestStatus;
import org.springframework.stereotype.Component;

/**
 * The number of new requests on the staff navigation's "Demandes" item, called from the template
 * as {@code ${@requestsBadge.newCount()}}: one count over the requests collection, which holds a
 * few dozen requests a year, so no controller has to fill it in.
 */
@Component("requestsBadge")
public class RequestsBadge {

    private final RequestApi requests;

    RequestsBadge(RequestApi requests) {
        this.requests = requests;
    }

    public long newCount() {
        return requests.count(RequestStatus.NEW);
    }
}
