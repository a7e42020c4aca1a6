package org.lakou.circulation.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lakou.catalogue.CopyAvailability;
import org.lakou.catalogue.CopyStatus;
import org.springframework.stereotype.Component;

/**
 * The claims are the truth of what is out: a claim by barcode is a loan or a copy kept for a hold.
 * Reading them when a record is shown costs one {@code _id in} query and makes a checkout three
 * single-document writes with nothing to keep in step afterwards.
 */
@Component
class LiveCopyStatus implements CopyAvailability {

    /** The shelf statuses a copy may be lent from; the others (lost, withdrawn...) are set by staff. */
    static final Set<CopyStatus> LENDABLE = EnumSet.of(CopyStatus.AVAILABLE, CopyStatus.ON_LOAN, CopyStatus.ON_HOLD);

    private final ClaimStore claims;

    LiveCopyStatus(ClaimStore claims) {
        this.claims = claims;
    }

    @Override
    public Map<String, CopyStatus> outNow(Collection<String> barcodes) {
        return claims.getAll(barcodes).stream().collect(Collectors.toMap(Claim::barcode,
                c -> c.isLoan() ? CopyStatus.ON_LOAN : CopyStatus.ON_HOLD, (a, b) -> a));
    }
}
