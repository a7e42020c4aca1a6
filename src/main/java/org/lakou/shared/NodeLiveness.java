package org.lakou.shared;

/**
 * Which application nodes are running, from heartbeats in Mongo. Work a node claimed (a file it
 * was ingesting) can be taken over as soon as its holder stops beating, instead of after a timeout
 * long enough for the slowest honest holder.
 */
public interface NodeLiveness {

    /** This node's identity, the same as {@link JobLease#nodeId()}. */
    String self();

    /** True for this node, and for another whose last heartbeat is recent. */
    boolean alive(String nodeId);
}
