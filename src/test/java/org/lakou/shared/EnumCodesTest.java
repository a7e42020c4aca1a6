package org.lakou.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lakou.catalogue.CopyStatus;
import org.lakou.catalogue.RecordStatus;
import org.lakou.members.MemberCategory;
import org.lakou.members.Role;
import org.lakou.requests.RequestStatus;

import tools.jackson.databind.json.JsonMapper;

/** The spelling used outside Java is the one Jackson writes; parsing takes it back, and the constant's name. */
class EnumCodesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void codesAreWhatJacksonWrites() {
        for (Class<? extends Enum<?>> type : java.util.List.of(RecordStatus.class, CopyStatus.class,
                MemberCategory.class, Role.class, RequestStatus.class, org.lakou.circulation.Hold.State.class)) {
            var expected = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> JSON.writeValueAsString(c).replace("\"", "")).toList();
            assertThat(EnumCodes.codes(type)).as(type.getSimpleName()).isEqualTo(expected);
        }
        assertThat(EnumCodes.codes(CopyStatus.class)).contains("on-loan");
    }

    @Test
    void parsesTheJsonSpellingAndTheName() {
        assertThat(EnumCodes.parse(RecordStatus.class, "draft")).isEqualTo(RecordStatus.DRAFT);
        assertThat(EnumCodes.parse(RecordStatus.class, "DRAFT")).isEqualTo(RecordStatus.DRAFT);
        assertThat(EnumCodes.parse(RequestStatus.class, "in-progress")).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(EnumCodes.parse(RequestStatus.class, "IN_PROGRESS")).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(EnumCodes.parse(MemberCategory.class, " bailleur-entreprise ")).isEqualTo(
                MemberCategory.BAILLEUR_ENTREPRISE);
    }

    @Test
    void anUnknownValueListsTheAllowedOnesAndNoJavaName() {
        assertThatThrownBy(() -> RequestStatus.of("BOGUS"))
                .isInstanceOf(EnumCodes.UnknownValue.class)
                .hasMessage("'BOGUS' is not an allowed value; use one of: new, accepted, refused, in-progress, answered, "
                        + "closed")
                .satisfies(e -> assertThat(((EnumCodes.UnknownValue) e).allowed()).contains("in-progress"));
    }
}
