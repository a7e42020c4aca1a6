package org.lakou.shared;

import java.time.Duration;

/**
 * A lease stored in Mongo so that, with several app nodes, one background job (indexer, harvester,
 * notices) runs on one node at a time. A crashed holder loses the lease when it expires.
 */
public interface JobLease {

    /** Takes or renews the lease named {@code job} for {@code ttl}; true when this node holds it. */
    boolean tryAcquire(String job, Duration ttl);

    void release(String job);

    /** This node's identity, as written into the lease documents. */
    String nodeId();
}
