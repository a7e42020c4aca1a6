package org.lakou;

import java.lang.reflect.InvocationTargetException;
import java.net.URLClassLoader;

/**
 * Re-enters a main method in a {@link PackageIndexedClassLoader} when it runs under Spring Boot's
 * fat-jar launcher, so that plain {@code java -jar lakou.jar} gets the faster class lookup without
 * any flag. Anywhere else (tests, an extracted jar, {@code spring-boot:run}) nothing changes.
 */
public final class IndexedLaunch {

    static final String LAUNCHER_LOADER = "org.springframework.boot.loader.launch.LaunchedClassLoader";
    /** {@code -Dlakou.indexed-class-loader=false} keeps Boot's own loader (a way back, should one be needed);
     * {@code -Dlakou.indexed-class-loader.verbose=true} prints how long the index took. */
    static final String SWITCH = "lakou.indexed-class-loader";

    private IndexedLaunch() {
    }

    private static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** @return true when main already ran in the indexed loader, so the caller must return. */
    public static boolean relaunch(Class<?> mainClass, String[] args) throws Exception {
        ClassLoader current = mainClass.getClassLoader();
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))
                || !(current instanceof URLClassLoader launched)
                || !LAUNCHER_LOADER.equals(current.getClass().getName())) {
            return false;
        }
        PackageIndexedClassLoader loader;
        long t0 = System.nanoTime();
        try {
            loader = PackageIndexedClassLoader.open(launched.getURLs(), current.getParent());
            if (Boolean.getBoolean(SWITCH + ".verbose")) {
                System.err.printf("lakou: indexed %d class-path entries in %d ms (process CPU so far %d ms)%n",
                        launched.getURLs().length, (System.nanoTime() - t0) / 1_000_000, processCpuMillis());
            }
        } catch (Exception e) {
            // a jar laid out in a way the index does not know: Boot's loader still works, only slower
            System.err.println("lakou: indexed class loader unavailable, using the launcher's: " + e);
            return false;
        }
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Class.forName(mainClass.getName(), true, loader).getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return true;
    }
}
