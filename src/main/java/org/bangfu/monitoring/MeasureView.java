package org.bangfu.monitoring;

import java.time.LocalDate;

/** A recorded measure. */
public record MeasureView(long id, long flagId, MeasureKind kind, String responsible, LocalDate on, String note,
		boolean carriedOut, String createdBy) {
}
