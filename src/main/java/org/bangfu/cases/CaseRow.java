package org.bangfu.cases;

import java.time.Instant;
import java.time.LocalDate;

import org.bangfu.shared.Role;

/** One line of a case list: where it is, who acts next and by when. */
public record CaseRow(long id, String caseNo, CaseType type, CaseStatus status, String fileNo, String headName,
		String organisationName, Integer currentPosition, String stepName, String stepNameEn, Role stepRole,
		LocalDate dueDate, boolean overdue, Instant updatedAt) {

	public String stepLabel(java.util.Locale locale) {
		return "en".equals(locale.getLanguage()) ? stepNameEn : stepName;
	}

}
