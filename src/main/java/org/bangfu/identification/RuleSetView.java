package org.bangfu.identification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** One version of a rule set as pages and the API show it. */
public record RuleSetView(long id, String code, int version, long organisationId, String organisationName,
		RuleSetStatus status, LocalDate effectiveFrom, LocalDate effectiveTo, RuleSetContent content,
		List<String> standardKinds, boolean shipped, String createdBy, Instant createdAt, String updatedBy,
		Instant updatedAt, String activatedBy, Instant activatedAt) {

	public String name(Locale locale) {
		return content.name(locale);
	}

	public boolean draft() {
		return status == RuleSetStatus.DRAFT;
	}

	public boolean active() {
		return status == RuleSetStatus.ACTIVE;
	}

}
