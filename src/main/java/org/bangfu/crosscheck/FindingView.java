package org.bangfu.crosscheck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A finding on a household with its evidence: the extract rows that matched (line, item, amount,
 * date) and what the file shows instead. The member's ID number is only ever shown masked.
 */
public record FindingView(long id, long extractId, ExtractKind extractKind, String source, LocalDate asOf,
		long householdId, String fileNo, long memberId, String memberName, String idNumberMasked, FindingKind kind,
		FindingStatus status, String fileShows, List<Map<String, Object>> evidence, String reason, String decidedBy,
		Instant decidedAt, String followUp, Long caseId) {
}
