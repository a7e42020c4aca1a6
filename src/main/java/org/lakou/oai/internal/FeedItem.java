package org.lakou.oai.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import org.lakou.oai.internal.OaiRecordSource.FeedEntry;

/**
 * A feed entry as XOAI sees it; the stored XML is copied into the response with the public address
 * of this request in place of {@link OaiLinks#BASE}. The datestamp shown is never later than the
 * response's date: lists never reach past it, and a single record whose seq is ahead (the
 * indexer's clock was set back, or runs ahead of this node's) shows the response's date instead.
 */
final class FeedItem implements Item {

    private final String identifier;
    private final FeedEntry entry;
    private final String xml;
    private final String base;
    private final Instant now;

    FeedItem(String identifier, FeedEntry entry, String prefix, String base, Instant now) {
        this.identifier = identifier;
        this.entry = entry;
        this.xml = prefix == null || entry.deleted() ? null : entry.xml(prefix);
        this.base = base;
        this.now = now;
    }

    @Override
    public String getIdentifier() {
        return identifier;
    }

    @Override
    public Instant getDatestamp() {
        Instant datestamp = entry.datestamp();
        return datestamp.isAfter(now) ? now.truncatedTo(ChronoUnit.SECONDS) : datestamp;
    }

    @Override
    public List<Set> getSets() {
        return entry.sets().stream().map(Set::new).toList();
    }

    @Override
    public boolean isDeleted() {
        return entry.deleted();
    }

    @Override
    public Metadata getMetadata() {
        if (xml == null) {
            throw new IllegalStateException("No metadata for " + identifier);
        }
        return Metadata.copyFromStream(new ByteArrayInputStream(OaiLinks.resolve(xml, base)
                .getBytes(StandardCharsets.UTF_8)));
    }

    boolean hasMetadata() {
        return xml != null;
    }
}
