package org.bangfu.crosscheck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An imported extract: where it came from, as of when, until when it is kept, what the match found. */
public record ExtractView(long id, long organisationId, ExtractKind kind, String source, LocalDate asOf,
		LocalDate retainUntil, String fileName, int rows, int badRows, int findings, String status,
		Instant importedAt, String importedBy, List<Long> badLines) {

	public boolean purged() {
		return "PURGED".equals(status);
	}

}
