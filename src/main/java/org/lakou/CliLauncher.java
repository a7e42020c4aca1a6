package org.lakou;

import java.util.Arrays;
import java.util.Map;

import org.lakou.shared.CliCommand;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

    static int run(String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LakouApplication.class)
                .web(WebApplicationType.NONE)
                .properties(Map.of("lakou.cli", "true", "spring.main.banner-mode", "off"))
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
