package org.bangfu.reporting;

import java.time.Instant;
import java.util.List;

/**
 * One version of an organisation's report for a period. DRAFT may still change; SUBMITTED is frozen and seen by
 * the level above; SUPERSEDED was replaced by a correction. For a receiving level, {@code lines} are the
 * reports submitted to it (and the missing ones) that its figures sum.
 */
public record ReportView(long id, String templateCode, long organisationId, String organisationName, String periodKey,
		int version, String status, List<FigureValue> figures, List<Line> lines, String correctionReason, String createdBy,
		String submittedBy, Instant submittedAt) {

	/** A submitter's figures in a roll-up, in the order of the template's figures; reportId null when missing. */
	public record Line(long organisationId, String organisationName, Long reportId, Integer version, List<Long> values) {

		public boolean missing() {
			return reportId == null;
		}

	}

	/** A roll-up line's value of the i-th figure as shown (yuan for money). */
	public String cell(Line line, int i) {
		return line.missing() ? "" : FigureValue.format(figures.get(i).code(), line.values().get(i));
	}

	public boolean draft() {
		return "DRAFT".equals(status);
	}

	public boolean submitted() {
		return "SUBMITTED".equals(status);
	}

}
