package org.lakou.catalogue.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.lakou.catalogue.SubjectRemap;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Rewrites subjects record by record. A concurrent edit makes a save stale; the record is then
 * read again and retried, so a documentalist's edit and a remap never overwrite each other.
 */
@Component
class SubjectRemapper {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;

    SubjectRemapper(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    interface Saver {
        void save(RecordDocument doc);
    }

    SubjectRemap.Outcome apply(SubjectRemap remap, Saver saver) {
        Set<String> affected = new HashSet<>(remap.replacements().keySet());
        affected.addAll(remap.withoutReplacement());
        List<String> remapped = new ArrayList<>();
        List<String> flagged = new ArrayList<>();
        if (affected.isEmpty()) {
            return new SubjectRemap.Outcome(remapped, flagged);
        }
        Query q = Query.query(Criteria.where("subjects").in(affected).and("deleted").is(false));
        q.fields().include("_id");
        for (var idDoc : mongo.find(q, org.bson.Document.class, "records")) {
            String id = idDoc.getString("_id");
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                RecordDocument doc = mongo.findById(id, RecordDocument.class);
                if (doc == null || !rewrite(doc, remap)) {
                    break;
                }
                try {
                    saver.save(doc);
                    if (doc.subjects.stream().anyMatch(remap.withoutReplacement()::contains)) {
                        flagged.add(id);
                    } else {
                        remapped.add(id);
                    }
                    break;
                } catch (OptimisticLockingFailureException raced) {
                    if (attempt == ATTEMPTS) {
                        throw raced;
                    }
                }
            }
        }
        return new SubjectRemap.Outcome(remapped, flagged);
    }

    /** Returns true when the document changed. */
    private static boolean rewrite(RecordDocument doc, SubjectRemap remap) {
        LinkedHashSet<String> subjects = new LinkedHashSet<>();
        boolean changed = false;
        for (String s : doc.subjects) {
            String target = remap.replacements().getOrDefault(s, s);
            changed |= !target.equals(s);
            subjects.add(target);
        }
        for (String s : subjects) {
            if (remap.withoutReplacement().contains(s)) {
                String note = "subject " + s + " is deprecated without a replacement";
                if (!doc.reviewNotes.contains(note)) {
                    doc.reviewNotes.add(note);
                    changed = true;
                }
            }
        }
        doc.subjects = new ArrayList<>(subjects);
        return changed;
    }
}
