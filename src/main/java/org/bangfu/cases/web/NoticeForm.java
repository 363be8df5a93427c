package org.bangfu.cases.web;

import java.util.List;

import org.bangfu.cases.NoticeColumn;
import org.bangfu.shared.BangfuException;

/** The new-notice form as typed (the period as text, so a wrong entry comes back next to its field). */
public record NoticeForm(String title, String body, String periodDays, String periodKind, List<NoticeColumn> columns,
		Boolean maskNames, String contact, List<Long> caseIds) {

	public Integer days() {
		if (periodDays == null || periodDays.isBlank()) {
			return null;
		}
		try {
			int days = Integer.parseInt(periodDays.strip());
			if (days >= 1 && days <= 60) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw BangfuException.badField("periodDays", "cases.chain.noticeDays.range");
	}

	/** Working days, calendar days, or null for the chain's choice. */
	public Boolean workingDays() {
		return periodKind == null || periodKind.isBlank() ? null : "WORKING".equals(periodKind);
	}

	public boolean masked() {
		return Boolean.TRUE.equals(maskNames);
	}

	public boolean shows(NoticeColumn column) {
		return columns != null && columns.contains(column);
	}

	public boolean includes(long caseId) {
		return caseIds != null && caseIds.contains(caseId);
	}

}
