package org.lakou;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.IntStream;

/**
 * A class loader over the same jar URLs as Spring Boot's launcher, but which looks a class or
 * resource up only in the jars that hold its directory. Boot's loader probes the ~300 nested jars
 * one after another for every class (and all of them for each class that is absent, as every
 * unmatched {@code @ConditionalOnClass} is): about half of a cold start's main thread. The index
 * is built from the jars' central directories, which the launcher reads anyway.
 *
 * <p>Behaves as the launcher's loader does where it matters: parent first, {@code getResources}
 * in class-path order, the same resource URLs and code sources, packages defined from each jar's
 * manifest, and multi-release jars read at the running version (the {@link JarFile}s come from
 * the URLs' own {@link JarURLConnection}, which opens them so).
 */
final class PackageIndexedClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    private static final String VERSIONS = "META-INF/versions/";
    private static final String HEX = "0123456789abcdef"; // lower case, as the JDK's own loader encodes

    private final JarFile[] jars;
    private final URL[] bases;
    private final CodeSource[] codeSources;
    private final Manifest[] manifests;
    private final boolean[] manifestRead;
    private final Map<String, int[]> byDirectory;

    private PackageIndexedClassLoader(URL[] urls, JarFile[] jars, Map<String, int[]> byDirectory,
            ClassLoader parent) {
        super(urls, parent);
        this.jars = jars;
        this.bases = urls.clone();
        this.byDirectory = byDirectory;
        this.codeSources = new CodeSource[urls.length];
        for (int i = 0; i < urls.length; i++) {
            codeSources[i] = new CodeSource(urls[i], (CodeSigner[]) null);
        }
        this.manifests = new Manifest[urls.length];
        this.manifestRead = new boolean[urls.length];
    }

    /** Opens every {@code jar:...!/} URL (a jar, or a directory inside one) and indexes its entries. */
    static PackageIndexedClassLoader open(URL[] urls, ClassLoader parent) throws IOException {
        JarFile[] jars = new JarFile[urls.length];
        for (int i = 0; i < urls.length; i++) {
            if (!(versioned(urls[i]).openConnection() instanceof JarURLConnection connection)) {
                throw new IOException("not a jar URL: " + urls[i]);
            }
            jars[i] = connection.getJarFile();
        }
        return new PackageIndexedClassLoader(urls, jars, index(jars), parent);
    }

    /**
     * Boot's nested-jar URLs open multi-release jars at the running version by default; the JDK's
     * own {@code jar:file:} handler (an extracted layout, the tests) only when asked by {@code #runtime}.
     */
    private static URL versioned(URL url) throws IOException {
        return url.toString().startsWith("jar:file:") && url.getRef() == null ? new URL(url, "#runtime") : url;
    }

    /**
     * Directory to the jars (in class-path order) that hold anything in it, at any depth, so that
     * a lookup of a directory itself ({@code org/lakou/}) finds every jar that may list it too.
     * The jars are read in parallel (their entries are most of a start's indexing time), then
     * merged in class-path order.
     */
    private static Map<String, int[]> index(JarFile[] jars) {
        List<Set<String>> perJar = IntStream.range(0, jars.length).parallel()
                .mapToObj(i -> directories(jars[i])).toList();
        Map<String, List<Integer>> lists = new HashMap<>(16_384);
        for (int i = 0; i < jars.length; i++) {
            for (String dir : perJar.get(i)) {
                lists.computeIfAbsent(dir, d -> new ArrayList<>(2)).add(i);
            }
        }
        Map<String, int[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((dir, jarIndexes) -> index.put(dir, jarIndexes.stream().mapToInt(Integer::intValue).toArray()));
        return index;
    }

    private static Set<String> directories(JarFile jar) {
        Set<String> seen = new HashSet<>();
        String last = null;
        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
            String name = e.nextElement().getName();
            if (last != null && isDirectlyIn(name, last)) {
                continue; // most entries sit beside the one before them
            }
            last = directoryOf(name);
            addDirectories(seen, name);
            if (name.startsWith(VERSIONS)) {
                int slash = name.indexOf('/', VERSIONS.length());
                if (slash > 0) {
                    addDirectories(seen, name.substring(slash + 1));
                }
                last = null;
            }
        }
        return seen;
    }

    private static boolean isDirectlyIn(String name, String dir) {
        int end = name.endsWith("/") ? name.length() - 1 : name.length();
        if (dir.isEmpty() || name.length() <= dir.length() || !name.startsWith(dir) || name.charAt(dir.length()) != '/') {
            return false;
        }
        int next = name.indexOf('/', dir.length() + 1);
        return next < 0 || next >= end;
    }

    private static void addDirectories(Set<String> seen, String name) {
        String dir = directoryOf(name);
        while (seen.add(dir) && !dir.isEmpty()) {
            dir = directoryOf(dir);
        }
    }

    /** The directory a name lies in; a trailing slash (a directory's own entry) does not count. */
    static String directoryOf(String name) {
        int end = name.endsWith("/") ? name.length() - 1 : name.length();
        int slash = name.lastIndexOf('/', end - 1);
        return slash < 0 ? "" : name.substring(0, slash);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String path = name.replace('.', '/').concat(".class");
        for (int i : candidates(path)) {
            JarEntry entry = jars[i].getJarEntry(path);
            if (entry != null) {
                return define(name, i, entry);
            }
        }
        throw new ClassNotFoundException(name);
    }

    private Class<?> define(String name, int jar, JarEntry entry) throws ClassNotFoundException {
        byte[] bytes;
        try (InputStream in = jars[jar].getInputStream(entry)) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
        definePackageOf(name, jar);
        return defineClass(name, bytes, 0, bytes.length, codeSources[jar]);
    }

    private void definePackageOf(String className, int jar) {
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
            return;
        }
        String pkg = className.substring(0, dot);
        if (getDefinedPackage(pkg) != null) {
            return;
        }
        try {
            Manifest manifest = manifest(jar);
            if (manifest != null) {
                definePackage(pkg, manifest, bases[jar]);
            } else {
                definePackage(pkg, null, null, null, null, null, null, null);
            }
        } catch (IllegalArgumentException definedMeanwhile) {
            // another thread defined the package first: its definition stands
        }
    }

    private Manifest manifest(int jar) {
        synchronized (manifestRead) {
            if (!manifestRead[jar]) {
                try {
                    manifests[jar] = jars[jar].getManifest();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                manifestRead[jar] = true;
            }
            return manifests[jar];
        }
    }

    @Override
    public URL findResource(String name) {
        for (int i : candidates(name)) {
            if (jars[i].getJarEntry(name) != null) {
                return url(i, name);
            }
        }
        return null;
    }

    @Override
    public Enumeration<URL> findResources(String name) {
        List<URL> found = new ArrayList<>(2);
        for (int i : candidates(name)) {
            if (jars[i].getJarEntry(name) != null) {
                found.add(url(i, name));
            }
        }
        return Collections.enumeration(found);
    }

    private int[] candidates(String name) {
        int[] found = byDirectory.get(directoryOf(name));
        return found == null ? new int[0] : found;
    }

    private URL url(int jar, String name) {
        try {
            return new URL(bases[jar], encodePath(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As URLClassLoader's own lookups do, so that names with spaces or accents make valid URLs. */
    static String encodePath(String name) {
        StringBuilder out = new StringBuilder(name.length() + 16);
        for (int i = 0; i < name.length();) {
            int c = name.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "/.-_~!$&'()*+,;=:@".indexOf(c) >= 0)) {
                out.append((char) c);
                continue;
            }
            for (byte b : Character.toString(c).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
        }
        return out.toString();
    }
}
