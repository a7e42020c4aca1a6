package org.lakou.ingest.internal.worker;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line of a parse worker. From a Spring Boot fat jar the child must start through
 * Boot's {@code PropertiesLauncher}, which puts the nested jars on its class path; everywhere else
 * (tests, {@code spring-boot:run}, an extracted jar) the parent's own class path works as it is.
 */
final class ChildCommand {

    static final String WORKER_MAIN = ParseWorkerMain.class.getName();
    private static final String JAR_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";
    private static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ChildCommand() {
    }

    static List<String> build(String heap, List<String> extraOptions) {
        String classPath = System.getProperty("java.class.path");
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                // the VM prints "Terminating due to java.lang.OutOfMemoryError" and its logs on stdout, the
                // protocol's channel; an inherited JAVA_TOOL_OPTIONS (say, a flight recording) would too
                "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
                "-Xss4m", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dlogback.configurationFile=lakou-worker-logback.xml"));
        if (extraOptions.stream().noneMatch(ChildCommand::choosesCollector)) {
            // a small single-threaded heap: the serial collector wastes neither memory nor the other core
            cmd.add("-XX:+UseSerialGC");
        }
        cmd.addAll(extraOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        if (isFatJar(classPath)) {
            cmd.add("-Dloader.main=" + WORKER_MAIN);
            cmd.add(PROPERTIES_LAUNCHER);
        } else {
            cmd.add(WORKER_MAIN);
        }
        cmd.add(String.valueOf(ProcessHandle.current().pid()));
        return cmd;
    }

    /** Two collectors make the JVM refuse to start, so a configured one replaces ours. */
    static boolean choosesCollector(String option) {
        return option.startsWith("-XX:+Use") && option.endsWith("GC");
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .filter(c -> c.endsWith("java") || c.endsWith("java.exe"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static boolean isFatJar(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            var manifest = jar.getManifest();
            return manifest != null && JAR_LAUNCHER.equals(manifest.getMainAttributes().getValue("Main-Class"));
        } catch (IOException e) {
            return false;
        }
    }
}
