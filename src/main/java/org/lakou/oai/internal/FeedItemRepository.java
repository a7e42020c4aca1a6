package org.lakou.oai.internal;

import java.util.ArrayList;
import java.util.List;

import io.gdcc.xoai.dataprovider.exceptions.handler.CannotDisseminateFormatException;
import io.gdcc.xoai.dataprovider.exceptions.handler.HandlerException;
import io.gdcc.xoai.dataprovider.exceptions.handler.IdDoesNotExistException;
import io.gdcc.xoai.dataprovider.exceptions.handler.NoMatchesException;
import io.gdcc.xoai.dataprovider.filter.ScopedFilter;
import io.gdcc.xoai.dataprovider.model.Item;
import io.gdcc.xoai.dataprovider.model.ItemIdentifier;
import io.gdcc.xoai.dataprovider.model.MetadataFormat;
import io.gdcc.xoai.dataprovider.repository.ItemRepository;
import io.gdcc.xoai.dataprovider.repository.ResultsPage;
import io.gdcc.xoai.model.oaipmh.ResumptionToken;
import org.lakou.oai.internal.OaiRecordSource.FeedEntry;
import org.lakou.oai.internal.OaiRecordSource.FeedPage;
import org.lakou.oai.internal.OaiRecordSource.FeedQuery;

/**
 * XOAI's item repository over the feed, for one request. Lists are keyset-paged: a page starts
 * after the last position the harvester holds and stops at {@code min(until, now)}, where now is
 * the request's responseDate, re-evaluated on each page. So no datestamp shown is later than the
 * responseDate, and a record indexed after the harvest began (its position is always later) is
 * either in a later page or has a datestamp no earlier than the last responseDate (the feed waits
 * for commits in flight below now). {@code until} is inclusive at second granularity. XOAI's token
 * "offset" is kept as the true cursor (entries delivered so far), which it writes as {@code cursor}.
 */
final class FeedItemRepository implements ItemRepository {

    private final OaiRecordSource source;
    private final OaiIdentifiers identifiers;
    private final PageState state;
    private final String base;
    private final boolean matchesNothing;

    /** @param base the public address that replaces {@link OaiLinks#BASE} in the stored XML */
    FeedItemRepository(OaiRecordSource source, OaiIdentifiers identifiers, PageState state, String base,
            boolean matchesNothing) {
        this.source = source;
        this.identifiers = identifiers;
        this.state = state;
        this.base = base;
        this.matchesNothing = matchesNothing;
    }

    @Override
    public ItemIdentifier getItemIdentifier(String identifier) throws IdDoesNotExistException {
        return find(identifier, null);
    }

    @Override
    public Item getItem(String identifier, MetadataFormat format) throws HandlerException {
        FeedItem item = find(identifier, format.getPrefix());
        if (!item.isDeleted() && !item.hasMetadata()) {
            throw new CannotDisseminateFormatException("Record has no " + format.getPrefix() + " metadata");
        }
        return item;
    }

    private FeedItem find(String identifier, String prefix) throws IdDoesNotExistException {
        FeedEntry entry = identifiers.recordId(identifier).flatMap(source::find)
                .orElseThrow(() -> new IdDoesNotExistException("No record has the identifier " + identifier));
        return new FeedItem(identifier, entry, prefix, base, state.now());
    }

    @Override
    public ResultsPage<ItemIdentifier> getItemIdentifiers(List<ScopedFilter> filters, MetadataFormat format,
            int maxResponseLength, ResumptionToken.Value token) throws HandlerException {
        return page(format, maxResponseLength, token, false);
    }

    @Override
    public ResultsPage<Item> getItems(List<ScopedFilter> filters, MetadataFormat format, int maxResponseLength,
            ResumptionToken.Value token) throws HandlerException {
        return page(format, maxResponseLength, token, true);
    }

    private <T extends ItemIdentifier> ResultsPage<T> page(MetadataFormat format, int size,
            ResumptionToken.Value token, boolean withXml) throws NoMatchesException {
        long after = state.from() != null ? state.from().toEpochMilli() - 1 : -1;
        String afterId = null;
        if (state.lastSeqIn() != null && state.lastSeqIn() >= after) {
            after = state.lastSeqIn();
            afterId = state.lastIdIn();
        }
        long now = state.now().toEpochMilli() + 1;
        long until = state.until() != null ? Math.min(state.until().toEpochMilli() + 1000, now) : now;
        if (matchesNothing || after >= until || afterId == null && after + 1 >= until) {
            throw new NoMatchesException();
        }
        FeedPage page = source.page(new FeedQuery(after, afterId, until, token.getSetSpec(), size,
                withXml ? format.getPrefix() : null));
        if (page.entries().isEmpty()) {
            throw new NoMatchesException();
        }
        List<T> items = new ArrayList<>(page.entries().size());
        for (FeedEntry e : page.entries()) {
            @SuppressWarnings("unchecked")
            T item = (T) new FeedItem(identifiers.of(e.recordId()), e, withXml ? format.getPrefix() : null, base,
                    state.now());
            items.add(item);
        }
        FeedEntry last = page.entries().get(page.entries().size() - 1);
        state.lastOut(last.seq(), last.recordId());
        long total = Math.min(Integer.MAX_VALUE, token.getOffset() + page.remaining());
        return new ResultsPage<>(token, page.remaining() > items.size(), items, (int) total);
    }
}
