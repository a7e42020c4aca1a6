package org.lakou;

import java.util.Arrays;
import java.util.Map;

import org.lakou.shared.CliCommand;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Runs one command against the same configuration as the server, without the web layer. */
final class CliLauncher {

    @Command(name = "lakou", mixinStandardHelpOptions = true,
            description = "Lakou document and thesaurus library server. Without a command, starts the server.")
    static final class Root {
    }

    private CliLauncher() {
    }

    /** A first argument that is not an option names a command; anything else starts the server. */
    static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-");
    }

    /**
     * A restore needs a database that start-up left empty: no starter thesaurus, no administrator
     * from the environment, no circulation sweep. These win over every other source.
     */
    private static final Map<String, Map<String, Object>> QUIET_START = Map.of("restore", Map.of(
            "lakou.thesaurus.load-starter", "false", "lakou.members.admin-email", "",
            "lakou.members.admin-password", "", "lakou.circulation.jobs-enabled", "false"));

    /**
     * What runs after a successful command, in a new context: a restore rebuilds the index from a
     * context that loaded the restored thesaurus at start-up, as a server would.
     */
    private static final Map<String, String> FOLLOW_UP = Map.of("restore", "reindex");

    static int run(String[] args) {
        int code = runOne(args);
        String next = args.length > 0 ? FOLLOW_UP.get(args[0]) : null;
        if (code != 0 || next == null || Arrays.stream(args).anyMatch(a -> a.matches("-h|--help|-V|--version"))) {
            return code;
        }
        String[] nextArgs = java.util.stream.Stream.concat(java.util.stream.Stream.of(next),
                Arrays.stream(springArgs(args))).toArray(String[]::new);
        return runOne(nextArgs);
    }

    private static int runOne(String[] args) {
        Map<String, Object> quiet = args.length > 0 ? QUIET_START.getOrDefault(args[0], Map.of()) : Map.of();
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LakouApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("lakou.cli", "true", "spring.main.banner-mode", "off"))
                .initializers(c -> c.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("lakou-cli-quiet-start", quiet)))
                .run(springArgs(args))) {
            CommandLine cli = new CommandLine(new Root());
            ctx.getBeansOfType(CliCommand.class).values().forEach(cli::addSubcommand);
            return cli.execute(commandArgs(args));
        }
    }

    /** Spring-style {@code --some.key=value} options configure the context; the rest go to picocli. */
    private static String[] springArgs(String[] args) {
        return Arrays.stream(args).filter(CliLauncher::isSpringOption).toArray(String[]::new);
    }

    private static String[] commandArgs(String[] args) {
        return Arrays.stream(args).filter(a -> !isSpringOption(a)).toArray(String[]::new);
    }

    private static boolean isSpringOption(String arg) {
        int eq = arg.indexOf('=');
        return arg.startsWith("--") && eq > 0 && arg.substring(0, eq).contains(".");
    }
}
