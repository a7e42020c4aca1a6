package org.lakou.shared;

import java.util.concurrent.Callable;

/**
 * A sub-command of {@code java -jar lakou.jar <command>}. Implementations are Spring beans
 * annotated with picocli's {@code @Command}; the launcher collects them, so each module brings its
 * own commands (import, reindex, thesaurus, admin) without a central switch.
 */
public interface CliCommand extends Callable<Integer> {
}
