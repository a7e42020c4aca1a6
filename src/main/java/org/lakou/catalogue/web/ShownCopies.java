package org.lakou.catalogue.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lakou.catalogue.Copy;
import org.lakou.catalogue.CopyAvailability;
import org.lakou.catalogue.CopyStatus;
import org.lakou.catalogue.Record;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Records as readers see them: each copy's stored shelf status, overlaid with whether it is out now. */
@Component
class ShownCopies {

    /** Set only by circulation; a stored one is left over from before and no longer true by itself. */
    static final Set<CopyStatus> LIVE = EnumSet.of(CopyStatus.ON_LOAN, CopyStatus.ON_HOLD);

    private final ObjectProvider<CopyAvailability> availability;

    ShownCopies(ObjectProvider<CopyAvailability> availability) {
        this.availability = availability;
    }

    Record show(Record r) {
        return show(List.of(r)).get(0);
    }

    List<Record> show(List<Record> records) {
        List<String> barcodes = records.stream().flatMap(r -> r.copies().stream()).map(Copy::barcode).toList();
        if (barcodes.isEmpty()) {
            return records;
        }
        CopyAvailability source = availability.getIfAvailable();
        Map<String, CopyStatus> out = source == null ? Map.of() : source.outNow(barcodes);
        return records.stream().map(r -> r.withCopies(r.copies().stream().map(c -> shown(c, out)).toList())).toList();
    }

    private static Copy shown(Copy c, Map<String, CopyStatus> out) {
        CopyStatus now = out.get(c.barcode());
        if (now != null && (c.status() == CopyStatus.AVAILABLE || LIVE.contains(c.status()))) {
            return c.withStatus(now);
        }
        return LIVE.contains(c.status()) ? c.withStatus(CopyStatus.AVAILABLE) : c;
    }
}
