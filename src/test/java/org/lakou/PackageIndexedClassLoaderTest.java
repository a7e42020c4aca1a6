package org.lakou;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexed loader against real jars, and against a plain {@link URLClassLoader} over the same
 * URLs: every answer the launcher's loader would give, it must give too.
 */
class PackageIndexedClassLoaderTest {

    @TempDir
    static Path dir;
    static URL[] urls;

    @BeforeAll
    static void jars() throws Exception {
        byte[] base = compile("demo.Greeting", "package demo; public class Greeting { public String toString() { return \"base\"; } }");
        byte[] v11 = compile("demo.Greeting", "package demo; public class Greeting { public String toString() { return \"v11\"; } }");
        byte[] only11 = compile("demo.Later", "package demo; public class Later { }");
        byte[] other = compile("demo.Other", "package demo; public class Other { }");
        byte[] deep = compile("demo.sub.Deep", "package demo.sub; public class Deep { }");
        Path first = jar("first.jar", Map.of("Implementation-Title", "first", "Implementation-Version", "1.2.3",
                "Multi-Release", "true"), Map.of(
                "demo/", new byte[0],
                "demo/Greeting.class", base,
                "META-INF/versions/11/demo/Greeting.class", v11,
                "META-INF/versions/11/demo/Later.class", only11,
                "META-INF/services/demo.Service", "first\n".getBytes(StandardCharsets.UTF_8),
                "root.txt", "first root".getBytes(StandardCharsets.UTF_8)));
        Path second = jar("second.jar", Map.of("Implementation-Version", "9.9"), Map.of(
                "demo/Other.class", other,
                "demo/sub/Deep.class", deep,
                "META-INF/services/demo.Service", "second\n".getBytes(StandardCharsets.UTF_8),
                "notes/a file é.txt", "spaced".getBytes(StandardCharsets.UTF_8),
                "root.txt", "second root".getBytes(StandardCharsets.UTF_8)));
        urls = new URL[] {new URL("jar:" + first.toUri() + "!/"), new URL("jar:" + second.toUri() + "!/")};
    }

    @Test
    void loadsEachClassFromTheJarThatHoldsIt() throws Exception {
        try (var loader = PackageIndexedClassLoader.open(urls, null)) {
            Class<?> other = loader.loadClass("demo.Other");
            Class<?> deep = loader.loadClass("demo.sub.Deep");
            assertThat(other.getClassLoader()).isSameAs(loader);
            assertThat(other.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(urls[1]);
            assertThat(deep.getProtectionDomain().getCodeSource().getLocation()).isEqualTo(urls[1]);
            // the package is defined once, from the manifest of the jar its first class came from
            Class<?> greeting = loader.loadClass("demo.Greeting");
            assertThat(greeting.getPackage()).isSameAs(other.getPackage());
            assertThat(deep.getPackage().getImplementationVersion()).isEqualTo("9.9");
        }
    }

    @Test
    void definesThePackageFromTheJarsManifest() throws Exception {
        try (var loader = PackageIndexedClassLoader.open(urls, null)) {
            Package pkg = loader.loadClass("demo.Greeting").getPackage();
            assertThat(pkg.getImplementationTitle()).isEqualTo("first");
            assertThat(pkg.getImplementationVersion()).isEqualTo("1.2.3");
        }
    }

    @Test
    void readsAMultiReleaseJarAtTheRunningVersion() throws Exception {
        try (var loader = PackageIndexedClassLoader.open(urls, null)) {
            Object greeting = loader.loadClass("demo.Greeting").getConstructor().newInstance();
            assertThat(greeting).hasToString("v11");
            // a class that exists only under META-INF/versions/11
            assertThat(loader.loadClass("demo.Later").getProtectionDomain().getCodeSource().getLocation())
                    .isEqualTo(urls[0]);
        }
    }

    @Test
    void anAbsentClassIsNotFoundWhetherOrNotItsPackageExists() throws Exception {
        try (var loader = PackageIndexedClassLoader.open(urls, null)) {
            assertThatThrownBy(() -> loader.loadClass("demo.Missing")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("nowhere.Missing")).isInstanceOf(ClassNotFoundException.class);
            assertThat(loader.getResource("nowhere/at/all.txt")).isNull();
        }
    }

    @Test
    void answersResourceLookupsAsAPlainUrlClassLoaderDoes() throws Exception {
        List<String> names = List.of("META-INF/services/demo.Service", "root.txt", "demo/", "demo/Other.class",
                "demo/sub/Deep.class", "notes/a file é.txt", "META-INF/MANIFEST.MF", "missing.txt", "demo/Missing.class");
        try (var loader = PackageIndexedClassLoader.open(urls, null); var plain = new URLClassLoader(urls, null)) {
            for (String name : names) {
                assertThat(Collections.list(loader.getResources(name))).as(name)
                        .isEqualTo(Collections.list(plain.getResources(name)));
                assertThat(loader.getResource(name)).as(name).isEqualTo(plain.getResource(name));
            }
            assertThat(Collections.list(loader.getResources("META-INF/services/demo.Service"))).hasSize(2);
            assertThat(read(loader.getResource("root.txt"))).isEqualTo("first root");
            assertThat(read(loader.getResource("notes/a file é.txt"))).isEqualTo("spaced");
            try (InputStream in = loader.getResourceAsStream("META-INF/services/demo.Service")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first\n");
            }
        }
    }

    @Test
    void directoriesOfNames() {
        assertThat(PackageIndexedClassLoader.directoryOf("a/b/C.class")).isEqualTo("a/b");
        assertThat(PackageIndexedClassLoader.directoryOf("a/b/")).isEqualTo("a");
        assertThat(PackageIndexedClassLoader.directoryOf("root.txt")).isEmpty();
        assertThat(PackageIndexedClassLoader.directoryOf("a/")).isEmpty();
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path jar(String name, Map<String, String> attributes, Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        Path path = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return path;
    }

    private static byte[] compile(String className, String source) throws IOException {
        Path src = dir.resolve("src-" + className + "-" + source.hashCode());
        Path out = src.resolve("out");
        Files.createDirectories(out);
        Path file = src.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "11", "-d", out.toString(),
                file.toString());
        assertThat(rc).isZero();
        return Files.readAllBytes(out.resolve(className.replace('.', '/') + ".class"));
    }
}
