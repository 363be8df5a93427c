package org.bangfu.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;

/** The sentences that tell an auditor what a verification found. */
public final class AuditMessages {

	/** Breaks named in the one-paragraph summary (pages); the command line names them all. */
	static final int IN_SUMMARY = 20;

	private AuditMessages() {
	}

	/** The outcome in one paragraph: intact, or how many breaks and the first of them. */
	public static String verification(MessageSource messages, AuditVerification result, Locale locale) {
		if (result.intact()) {
			return messages.getMessage("audit.verify.ok", new Object[] { result.rowsChecked() }, locale);
		}
		StringBuilder text = new StringBuilder(messages.getMessage("audit.verify.broken",
				new Object[] { String.valueOf(result.firstBrokenId()), result.rowsChecked(), result.breakCount() },
				locale));
		result.breaks().stream().limit(IN_SUMMARY).forEach(b -> text.append(' ').append(describe(messages, b, locale)));
		if (result.breakCount() > IN_SUMMARY) {
			text.append(' ').append(messages.getMessage("audit.verify.more",
					new Object[] { result.breakCount() - IN_SUMMARY }, locale));
		}
		return text.toString();
	}

	/** Every listed break, one line each. */
	public static List<String> breaks(MessageSource messages, AuditVerification result, Locale locale) {
		List<String> lines = new ArrayList<>();
		for (AuditBreak b : result.breaks()) {
			lines.add(describe(messages, b, locale));
		}
		return lines;
	}

	static String describe(MessageSource messages, AuditBreak b, Locale locale) {
		return messages.getMessage("audit.break." + b.reason().name(),
				new Object[] { String.valueOf(b.seq()), b.eventId() == null ? "-" : String.valueOf(b.eventId()) }, locale);
	}

}
