package org.lakou.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Drives {@link RawTikaMain} in its own JVM: one pass per call, its rate and CPU read back. */
final class RawTikaProcess implements AutoCloseable {

    private final Process process;
    private final Writer commands;
    private final BufferedReader answers;
    private final Path list;

    RawTikaProcess(List<Path> files) throws IOException {
        list = Files.createTempFile("lakou-bench-files", ".txt");
        Files.write(list, files.stream().map(p -> p.toAbsolutePath().toString()).toList());
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        process = new ProcessBuilder(java, "-Djava.awt.headless=true",
                "-Dlogback.configurationFile=lakou-worker-logback.xml", "-cp", System.getProperty("java.class.path"),
                RawTikaMain.class.getName(), list.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        commands = process.outputWriter(StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    BenchFigures.Pass pass(int threads) throws IOException {
        commands.write(threads + "\n");
        commands.flush();
        String line;
        do {
            line = answers.readLine(); // a library may log on stdout too
            if (line == null) {
                throw new IOException("the raw Tika process ended (exit " + process.onExit().join().exitValue() + ")");
            }
        } while (!line.startsWith(RawTikaMain.ANSWER));
        String[] f = line.substring(RawTikaMain.ANSWER.length()).trim().split(" ");
        return new BenchFigures.Pass(Double.parseDouble(f[0]), Long.parseLong(f[1]));
    }

    /** VmHWM of the raw Tika JVM. */
    long peakRss() throws IOException {
        return BenchFigures.peakRss(String.valueOf(process.pid()));
    }

    @Override
    public void close() throws IOException {
        commands.close();
        process.destroy();
        Files.deleteIfExists(list);
    }
}
