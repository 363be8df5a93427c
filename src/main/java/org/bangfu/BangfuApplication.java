package org.bangfu;

import org.bangfu.platform.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Bangfu: case management for hardship assistance. {@code java -jar bangfu.jar} runs the web
 * application; {@code java -jar bangfu.jar COMMAND ...} runs a command (see {@link CommandLine}).
 */
@SpringBootApplication
@EnableScheduling
public class BangfuApplication {

	public static void main(String[] args) {
		if (CommandLine.isCommand(args)) {
			System.exit(CommandLine.run(BangfuApplication.class, args));
		}
		SpringApplication.run(BangfuApplication.class, args);
	}

}
