package org.bangfu.audit;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The sentence that tells an auditor what a verification found. */
public final class AuditMessages {

	private AuditMessages() {
	}

	public static String verification(MessageSource messages, AuditVerification result, Locale locale) {
		return result.intact()
				? messages.getMessage("audit.verify.ok", new Object[] { result.rowsChecked() }, locale)
				: messages.getMessage("audit.verify.broken",
						new Object[] { String.valueOf(result.firstBrokenId()), result.rowsChecked() }, locale);
	}

}
