package org.lakou.oai.web;

import org.lakou.oai.harvest.Holdings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The centres holding a record's work (union catalogue): this one and the partners harvested. */
@RestController
class HoldingsController {

    private final Holdings holdings;

    HoldingsController(Holdings holdings) {
        this.holdings = holdings;
    }

    @GetMapping("/api/harvest/works/{recordId}")
    Holdings.Work work(@PathVariable String recordId) {
        return holdings.of(recordId);
    }
}
