package org.lakou.ingest.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChildCommandTest {

    @Test
    void workersGetTheSerialCollectorUnlessTheOptionsChooseAnother() {
        List<String> plain = ChildCommand.build("384m", List.of());
        assertThat(plain).contains("-Xmx384m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

        List<String> tuned = ChildCommand.build("512m", List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1"));
        assertThat(tuned).contains("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1").doesNotContain("-XX:+UseSerialGC");
        // the options are JVM options: they come before the class path and the main class
        assertThat(tuned.indexOf("-XX:+UseParallelGC")).isLessThan(tuned.indexOf("-cp"));
    }
}
