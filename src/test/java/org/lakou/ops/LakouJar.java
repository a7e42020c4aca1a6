package org.lakou.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.lakou.TestHttp;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar run as an operator runs it: {@code java -jar lakou.jar} in its own folder, on a
 * free port, logging to {@code server.log} there. Used by the process-level crash tests, which run
 * in Maven's integration-test phase, after {@code package} built the jar.
 */
final class LakouJar implements AutoCloseable {

    static final String ADMIN = "ops-admin@lakou.test";
    static final String PASSWORD = "ops admin password, long enough";

    private final Path dir;
    private final List<String> args;
    private final int port = freePort();
    private Process process;

    LakouJar(Path dir, String... args) {
        this.dir = dir;
        this.args = List.of(args);
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("lakou.jar", "target/lakou.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn package` first (failsafe runs after it)");
        }
        return jar;
    }

    /** Starts the jar and waits until {@code /actuator/health} says UP. */
    LakouJar start() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-jar", jar().toString(), "--server.port=" + port));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()));
        pb.environment().put("LAKOU_ADMIN_EMAIL", ADMIN);
        pb.environment().put("LAKOU_ADMIN_PASSWORD", PASSWORD);
        process = pb.start();
        try {
            awaitUp();
        } catch (RuntimeException | InterruptedException e) {
            kill();
            throw e;
        }
        return this;
    }

    private void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the jar exited with " + process.exitValue() + "; see " + log());
            }
            if (healthUp()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the jar was not UP within 600 s; see " + log());
    }

    TestHttp admin() {
        return new TestHttp("http://localhost:" + port).as(ADMIN, PASSWORD);
    }

    TestHttp anonymous() {
        return new TestHttp("http://localhost:" + port);
    }

    /** A health component's details (staff see them). */
    JsonNode health(String component) {
        return admin().get("/actuator/health").json().get("components").get(component);
    }

    /** kill -9, as the OOM killer or a power cut would; the parse workers it had spawned go too. */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM: Boot shuts down gracefully and the embedded store is flushed. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    Path log() {
        return dir.resolve("server.log");
    }

    private boolean healthUp() {
        try {
            TestHttp.Response r = anonymous().get("/actuator/health");
            return r.status() == 200 && "UP".equals(r.json().get("status").asString());
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
