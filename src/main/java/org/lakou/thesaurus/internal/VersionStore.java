package org.lakou.thesaurus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Scheme pointers and versions in Mongo; every hot lookup is by {@code _id}. */
@Component
class VersionStore {

    static final String SCHEMES = "thesaurus_schemes";
    static final String VERSIONS = "thesaurus_versions";
    static final String BUCKET = "thesaurus";
    static final String LOCAL_ID = "local";
    private static final int INLINE_LIMIT = 1024 * 1024;

    private final MongoTemplate mongo;
    private final Clock clock;

    VersionStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** The scheme's short id: its last path segment, made unique with a hash if another URI took it. */
    String idFor(String schemeUri) {
        String path = URI.create(schemeUri.replace(" ", "%20")).getRawPath();
        String tail = schemeUri.contains("#") ? schemeUri.substring(schemeUri.lastIndexOf('#') + 1)
                : path == null || path.isBlank() ? schemeUri : path.replaceAll("/+$", "");
        String slug = LabelNormalizer.slug(tail.substring(tail.lastIndexOf('/') + 1), 40);
        slug = slug.isEmpty() ? "scheme" : slug;
        SchemeDocument existing = mongo.findById(slug, SchemeDocument.class, SCHEMES);
        if (!slug.equals(LOCAL_ID) && (existing == null || schemeUri.equals(existing.uri()))) {
            return slug;
        }
        return slug + "-" + Integer.toHexString(schemeUri.hashCode() & 0xffffff);
    }

    int nextVersion(String schemeId, String schemeUri) {
        SchemeDocument d = mongo.findAndModify(Query.query(Criteria.where("_id").is(schemeId)),
                new Update().inc("lastVersion", 1).set("uri", schemeUri).set("modified", clock.instant()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), SchemeDocument.class, SCHEMES);
        return d.lastVersion();
    }

    void setCurrent(String schemeId, int version) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(schemeId)),
                new Update().set("currentVersion", version).set("modified", clock.instant()), SCHEMES);
    }

    List<SchemeDocument> schemes() {
        return mongo.findAll(SchemeDocument.class, SCHEMES);
    }

    Optional<SchemeDocument> scheme(String id) {
        return Optional.ofNullable(mongo.findById(id, SchemeDocument.class, SCHEMES));
    }

    VersionDocument save(VersionDocument meta, Model model) {
        byte[] gz = gzipNTriples(model);
        VersionDocument doc;
        if (gz.length <= INLINE_LIMIT) {
            doc = withPayload(meta, gz, null);
        } else {
            GridFSBucket bucket = GridFSBuckets.create(mongo.getDb(), BUCKET);
            ObjectId fileId = bucket.uploadFromStream(meta.id() + ".nt.gz", new ByteArrayInputStream(gz));
            doc = withPayload(meta, null, fileId.toHexString());
        }
        mongo.insert(doc, VERSIONS);
        return doc;
    }

    Optional<VersionDocument> find(String schemeId, int version) {
        return Optional.ofNullable(mongo.findById(VersionDocument.idOf(schemeId, version), VersionDocument.class,
                VERSIONS));
    }

    /** Versions 1..last by {@code _id $in}, without their RDF. */
    List<VersionDocument> list(String schemeId, int lastVersion) {
        List<String> ids = IntStream.rangeClosed(1, lastVersion).mapToObj(n -> VersionDocument.idOf(schemeId, n)).toList();
        Query q = Query.query(Criteria.where("_id").in(ids));
        q.fields().exclude("payload");
        return mongo.find(q, VersionDocument.class, VERSIONS).stream()
                .sorted(java.util.Comparator.comparingInt(VersionDocument::version)).toList();
    }

    Model load(VersionDocument doc) {
        Model m = ModelFactory.createDefaultModel();
        try (InputStream raw = doc.payload() != null ? new ByteArrayInputStream(doc.payload())
                : GridFSBuckets.create(mongo.getDb(), BUCKET).openDownloadStream(new ObjectId(doc.gridFsId()));
                InputStream in = new GZIPInputStream(raw, 64 * 1024)) {
            RDFDataMgr.read(m, in, Lang.NTRIPLES);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read version " + doc.id(), e);
        }
        return m;
    }

    /** Counts a local change; returns the new local revision. */
    int bumpLocal(String localSchemeUri) {
        return nextVersion(LOCAL_ID, localSchemeUri);
    }

    private static VersionDocument withPayload(VersionDocument m, byte[] payload, String gridFsId) {
        return new VersionDocument(m.id(), m.schemeId(), m.schemeUri(), m.version(), m.imported(), m.source(),
                m.fileName(), m.format(), m.conceptCount(), m.tripleCount(), m.report(), payload, gridFsId);
    }

    private static byte[] gzipNTriples(Model model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 * 1024)) {
            RDFDataMgr.write(gz, model, Lang.NTRIPLES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
