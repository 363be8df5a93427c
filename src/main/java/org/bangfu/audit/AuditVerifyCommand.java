package org.bangfu.audit;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

import org.bangfu.platform.CommandLine;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** {@code java -jar bangfu.jar audit verify [--lang=en]}: checks the hash chain; exit code 0 intact, 1 broken. */
@Component
class AuditVerifyCommand implements CommandLine.Command {

	private final AuditVerifier verifier;

	private final MessageSource messages;

	AuditVerifyCommand(AuditVerifier verifier, MessageSource messages) {
		this.verifier = verifier;
		this.messages = messages;
	}

	@Override
	public List<String> words() {
		return List.of("audit", "verify");
	}

	@Override
	public String usage() {
		return "audit verify [--lang=en]   check the audit log's hash chain (exit code 1 when broken)";
	}

	@Override
	public int execute(List<String> words, List<String> allArgs, PrintStream out) {
		Locale locale = "en".equals(CommandLine.Command.option(allArgs, "lang")) ? Locale.ENGLISH
				: Locale.SIMPLIFIED_CHINESE;
		AuditVerification result = verifier.verify();
		out.println(AuditMessages.verification(messages, result, locale));
		if (!result.intact()) {
			// every break, one a line (the summary above names the first few)
			AuditMessages.breaks(messages, result, locale).forEach(out::println);
		}
		return result.intact() ? 0 : 1;
	}

}
