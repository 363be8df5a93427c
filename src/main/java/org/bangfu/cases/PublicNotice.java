package org.bangfu.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * A notice as the public sees it, built only from what was copied at publication: names full or
 * masked, the chosen columns, and never an ID number, phone, bank account or health detail.
 */
public record PublicNotice(long id, String title, String body, String organisationName, LocalDate startsOn,
		LocalDate endsOn, boolean acceptsObjections, NoticeStatus status, List<NoticeColumn> columns,
		List<PublicRow> rows, String contact, String result) {

	public boolean shows(NoticeColumn column) {
		return columns.contains(column);
	}

	/** A row: only the columns the notice shows are filled. */
	public record PublicRow(int rowNo, String name, String organisation, String region, Integer householdSize,
			CaseType caseType, String amount, LocalDate appliedOn) {
	}

}
