package org.bangfu.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A notice as staff see it: its period, columns, rows (with the cases behind them) and result. */
public record NoticeView(long id, long organisationId, String organisationName, String title, String body,
		NoticeStatus status, int periodDays, boolean workingDays, List<NoticeColumn> columns, boolean maskNames,
		String contact, LocalDate startsOn, LocalDate endsOn, Instant publishedAt, String publishedBy,
		Instant closedAt, String result, String createdBy, Instant createdAt, int version, List<NoticeRowView> rows) {

	public boolean shows(NoticeColumn column) {
		return columns.contains(column);
	}

	/** A count from the result ("passed=2;upheld=1;removed=0"): passed, upheld or removed. */
	public int resultCount(String key) {
		if (result == null) {
			return 0;
		}
		for (String part : result.split(";")) {
			String[] kv = part.split("=");
			if (kv.length == 2 && kv[0].equals(key)) {
				return Integer.parseInt(kv[1]);
			}
		}
		return 0;
	}

}
