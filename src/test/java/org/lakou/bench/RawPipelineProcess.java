package org.lakou.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Drives {@link RawPipelineMain} in its own JVM, with the server JVM's heap and collector (the
 * surefire argLine), so the two sides differ in their pipelines only.
 */
final class RawPipelineProcess implements AutoCloseable {

    /** One pass: rates to stored and to searchable, the raw JVM's CPU, the records it made. */
    record Pass(double storedPerSecond, double searchablePerSecond, long cpuNanos, int records) {
    }

    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private final Path scratch;

    RawPipelineProcess(List<Path> files, int maxChars) throws IOException {
        scratch = Files.createTempDirectory("lakou-bench-raw");
        Path list = scratch.resolve("files.txt");
        Files.write(list, files.stream().map(p -> p.toAbsolutePath().toString()).toList());
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        process = new ProcessBuilder(java, "-Xmx3g", "-XX:+UseParallelGC", "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=lakou-worker-logback.xml", "-cp", System.getProperty("java.class.path"),
                RawPipelineMain.class.getName(), list.toString(), scratch.toString(),
                Path.of("solr-config").toAbsolutePath().toString(), Integer.toString(maxChars))
                .redirectError(scratch.resolve("stderr.txt").toFile()).start();
        commands = process.outputWriter(StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    Pass pass(int threads) throws IOException {
        commands.write(threads + "\n");
        commands.flush();
        String line;
        do {
            line = answers.readLine(); // a library may log on stdout too
            if (line == null) {
                throw new IOException("the raw pipeline process ended (exit " + process.onExit().join().exitValue()
                        + "): " + Files.readString(scratch.resolve("stderr.txt")));
            }
        } while (!line.startsWith(RawPipelineMain.ANSWER));
        String[] f = line.substring(RawPipelineMain.ANSWER.length()).trim().split(" ");
        return new Pass(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Long.parseLong(f[2]),
                Integer.parseInt(f[3]));
    }

    /** VmHWM of the raw pipeline's JVM. */
    long peakRss() throws IOException {
        return BenchFigures.peakRss(String.valueOf(process.pid()));
    }

    @Override
    public void close() throws IOException {
        commands.close();
        try {
            process.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroy();
        }
        try (Stream<Path> tree = Files.walk(scratch)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
