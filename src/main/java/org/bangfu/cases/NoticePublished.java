package org.bangfu.cases;

import java.time.LocalDate;

/** A notice went public for its period. */
public record NoticePublished(long noticeId, long organisationId, int rows, LocalDate startsOn, LocalDate endsOn) {
}
