package org.lakou.circulation;

import java.util.ArrayList;
import java.util.List;

import org.lakou.catalogue.AccessLevel;
import org.lakou.catalogue.CatalogueApi;
import org.lakou.catalogue.Copy;
import org.lakou.catalogue.Record;
import org.lakou.catalogue.RecordFields;
import org.lakou.members.Member;
import org.lakou.members.MemberApi;
import org.lakou.members.MemberCategory;
import org.lakou.members.NewMember;

/** Records with copies and members, named uniquely per call so tests never collide. */
public final class Fixtures {

    private final CatalogueApi catalogue;
    private final MemberApi members;
    private final String run = Long.toString(System.nanoTime(), 36);
    private int seq;

    public Fixtures(CatalogueApi catalogue, MemberApi members) {
        this.catalogue = catalogue;
        this.members = members;
    }

    /** A published record of {@code type} with {@code copies} copies; returns it with its copies. */
    public Record record(String type, int copies) {
        Record r = catalogue.create(new RecordFields("Guide de la médiation sociale " + run + "-" + (++seq), null,
                List.of("Ville caraïbe"), null, "2010", type, "fr", null, List.of(), List.of(), null,
                AccessLevel.PUBLIC));
        catalogue.publish(r.id());
        for (int i = 0; i < copies; i++) {
            catalogue.addCopy(r.id(), new Copy("T" + run + "-" + seq + "-" + i, "362 VIL", "Salle", null));
        }
        return catalogue.get(r.id());
    }

    public List<String> barcodes(Record r) {
        return r.copies().stream().map(Copy::barcode).toList();
    }

    public Member member(MemberCategory category) {
        int n = ++seq;
        return members.create(new NewMember("m" + run + "-" + n + "@adherents.test", "Adhérent " + n,
                "Association " + n, category, null, "mot de passe très long " + n));
    }

    public List<Member> members(int count) {
        List<Member> out = new ArrayList<>(count);
        MemberCategory[] cats = MemberCategory.values();
        for (int i = 0; i < count; i++) {
            out.add(member(cats[i % cats.length]));
        }
        return out;
    }
}
