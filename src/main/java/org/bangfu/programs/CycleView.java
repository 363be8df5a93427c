package org.bangfu.programs;

import java.time.Instant;
import java.time.LocalDate;

/** A cycle as read, with its program's code and name and the roster's totals (fen). */
public record CycleView(long id, long programId, String programCode, int programVersion, String programName, ProgramForm form,
		long organisationId, String organisationName, String label, String periodKey, LocalDate from, LocalDate to,
		LocalDate payDate, int months, CycleStatus status, Long jobId, int version, long createdBy, String createdLogin,
		Instant createdAt, Long submittedBy, Instant submittedAt, Long approvedBy, Instant approvedAt, long totalFen,
		int lineCount) {

	public boolean editable() {
		return status == CycleStatus.GENERATED;
	}

	public boolean locked() {
		return status == CycleStatus.APPROVED;
	}

	public java.math.BigDecimal total() {
		return java.math.BigDecimal.valueOf(totalFen, 2);
	}


	public String totalText() {
		return org.bangfu.shared.Money.of(total()).format();
	}

}
