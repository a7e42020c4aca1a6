package org.lakou.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** An IllegalArgumentException's message reaches the client only when it was written for people. */
class ProblemDetailAdviceTest {

    private final ProblemDetailAdvice advice = new ProblemDetailAdvice();

    private String detail(String message) {
        ProblemDetail pd = advice.illegalArgument(new IllegalArgumentException(message)).getBody();
        assertThat(pd.getStatus()).isEqualTo(400);
        return pd.getDetail();
    }

    @Test
    void technicalMessagesAreReplaced() {
        assertThat(detail("No enum constant org.lakou.requests.RequestStatus.BOGUS"))
                .isEqualTo("The request contains a value Lakou cannot use");
        assertThat(detail("Cannot convert java.lang.String to int")).doesNotContain("java.");
        assertThat(detail(null)).isEqualTo("The request contains a value Lakou cannot use");
    }

    @Test
    void messagesWrittenForPeoplePassThrough() {
        assertThat(detail("A password needs at least 12 characters. Use a sentence."))
                .isEqualTo("A password needs at least 12 characters. Use a sentence.");
        assertThat(detail("page must be >= 0 and size between 1 and 200"))
                .isEqualTo("page must be >= 0 and size between 1 and 200");
    }
}
