package org.bangfu.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Commands run with {@code java -jar bangfu.jar <group> <command> [args] [--options]}: the
 * application starts without its web server and job worker, runs the command against the
 * configured database, prints what happened and exits with 0 on success.
 */
public final class CommandLine {

	private CommandLine() {
	}

	public static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-");
	}

	public static int run(Class<?> application, String[] args) {
		List<String> words = Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
		String[] springArgs = Arrays.stream(args).filter(a -> a.startsWith("--spring.") || a.startsWith("--bangfu.")).toArray(String[]::new);
		try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.properties(Map.of("bangfu.jobs.enabled", "false", "spring.main.banner-mode", "off"))
			.run(springArgs)) {
			Map<String, Command> commands = ctx.getBeansOfType(Command.class);
			for (Command command : commands.values()) {
				if (command.matches(words)) {
					return command.execute(words, Arrays.asList(args), System.out);
				}
			}
			System.err.println("Unknown command: " + String.join(" ", words));
			System.err.println("Commands:");
			commands.values().forEach(c -> System.err.println("  " + c.usage()));
			return 2;
		}
	}

	/** One command line command, a Spring bean. */
	public interface Command {

		/** The words that select this command, e.g. ["audit", "verify"]. */
		List<String> words();

		String usage();

		default boolean matches(List<String> args) {
			return args.size() >= words().size() && args.subList(0, words().size()).equals(words());
		}

		/** Runs the command; returns the exit code. */
		int execute(List<String> words, List<String> allArgs, java.io.PrintStream out);

		/** The value of an option such as {@code --org CODE} or {@code --org=CODE}. */
		static String option(List<String> args, String name) {
			for (int i = 0; i < args.size(); i++) {
				String a = args.get(i);
				if (a.equals("--" + name) && i + 1 < args.size()) {
					return args.get(i + 1);
				}
				if (a.startsWith("--" + name + "=")) {
					return a.substring(name.length() + 3);
				}
			}
			return null;
		}

	}

}
