package org.lakou.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The benchmark's baseline: plain Tika (AutoDetectParser, embedded documents included, the
 * JVM's default flags) in a JVM of its own, as tika-app would run it. Sharing the server's JVM
 * made each side pay for the other's JIT: interleaved passes kept the C2 compiler busy at 3 ms
 * per file for raw Tika and 6 for the pipeline after 20 rounds.
 * <p>
 * Protocol on stdin/stdout: a line with a thread count runs one pass over the files listed in
 * the file named by the first argument, and answers {@code pass <files/s> <process CPU ns>}.
 */
public final class RawTikaMain {

    static final String ANSWER = "pass ";

    private RawTikaMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> files = Files.readAllLines(Path.of(args[0])).stream().map(Path::of).toList();
        AutoDetectParser parser = new AutoDetectParser();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.isBlank()) {
            long cpu0 = os.getProcessCpuTime();
            double rate = pass(files, Integer.parseInt(line.trim()), parser);
            System.out.println(ANSWER + rate + " " + (os.getProcessCpuTime() - cpu0));
            System.out.flush();
        }
    }

    private static double pass(List<Path> files, int threads, AutoDetectParser parser) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Path f : files) {
                done.add(pool.submit(() -> parse(parser, f)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return files.size() / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    static void parse(AutoDetectParser parser, Path f) {
        Metadata md = new Metadata();
        try (TikaInputStream in = TikaInputStream.get(f)) {
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, f.getFileName().toString());
            ParseContext context = new ParseContext();
            context.set(Parser.class, parser);
            parser.parse(in, new BodyContentHandler(2_000_000), md, context);
        } catch (Exception e) {
            // a broken file costs what it costs in every run
        }
    }
}
