package org.lakou.oai.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.Set;
import io.gdcc.xoai.model.oaipmh.results.record.Metadata;
import org.lakou.oai.internal.OaiRecordSource.FeedEntry;

/** A feed entry as XOAI sees it; the stored XML is copied verbatim into the response. */
final class FeedItem implements Item {

    private final String identifier;
    private final FeedEntry entry;
    private final String xml;

    FeedItem(String identifier, FeedEntry entry, String prefix) {
        this.identifier = identifier;
        this.entry = entry;
        this.xml = prefix == null || entry.deleted() ? null : entry.xml(prefix);
    }

    @Override
    public String getIdentifier() {
        return identifier;
    }

    @Override
    public Instant getDatestamp() {
        return entry.datestamp();
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
        return Metadata.copyFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    boolean hasMetadata() {
        return xml != null;
    }
}
