package org.bangfu.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A template and period as the caller's organisation sees it: the deadline, its own report's versions (newest
 * first) and, for a receiving level, the organisations that must submit to it and whether they have.
 */
public record ReportOverview(ReportTemplate template, ReportPeriod period, LocalDate deadline, List<ReportView> versions,
		List<SubmitterStatus> submitters) {

	public List<SubmitterStatus> missing() {
		return submitters.stream().filter(SubmitterStatus::missing).toList();
	}

	/** The draft, else the submitted version, else nothing. */
	public ReportView current() {
		return versions.stream().filter(v -> !"SUPERSEDED".equals(v.status())).findFirst().orElse(null);
	}

}
