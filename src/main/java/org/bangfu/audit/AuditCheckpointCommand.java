package org.bangfu.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.bangfu.platform.CommandLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar bangfu.jar audit checkpoint [--lang=en]}: writes a checkpoint of the audit
 * chain now and prints it, a digest to print or copy somewhere the database cannot reach.
 */
@Component
class AuditCheckpointCommand implements CommandLine.Command {

	private final AuditCheckpoints checkpoints;

	private final MessageSource messages;

	AuditCheckpointCommand(AuditCheckpoints checkpoints, MessageSource messages) {
		this.checkpoints = checkpoints;
		this.messages = messages;
	}

	@Override
	public List<String> words() {
		return List.of("audit", "checkpoint");
	}

	@Override
	public String usage() {
		return "audit checkpoint [--lang=en]   seal the audit chain's head now and print the checkpoint";
	}

	@Override
	public int execute(List<String> words, List<String> allArgs, PrintStream out) {
		Locale locale = "en".equals(CommandLine.Command.option(allArgs, "lang")) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		String line = checkpoints.write();
		out.println(messages.getMessage("audit.checkpoint.written", new Object[] { checkpoints.file() }, locale));
		out.println(line);
		return 0;
	}

}
