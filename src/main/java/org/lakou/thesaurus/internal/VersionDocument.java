package org.lakou.thesaurus.internal;

import java.time.Instant;

import org.lakou.thesaurus.QualityReport;
import org.springframework.data.annotation.Id;

/**
 * One stored import, {@code _id = schemeId:version} so that listing a scheme's versions is an
 * {@code _id $in} lookup (mongo-java-server has no secondary indexes). The RDF is gzipped
 * N-Triples: exact (blank nodes and all) and quick to parse; inline when small, in GridFS otherwise.
 */
record VersionDocument(@Id String id, String schemeId, String schemeUri, int version, Instant imported,
        String source, String fileName, String format, int conceptCount, long tripleCount, QualityReport report,
        byte[] payload, String gridFsId) {

    static String idOf(String schemeId, int version) {
        return schemeId + ":" + version;
    }
}
