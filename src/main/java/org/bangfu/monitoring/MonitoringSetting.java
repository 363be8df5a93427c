package org.bangfu.monitoring;

/** An organisation's deadlines: days for a measure (working or calendar days) and days for a screening visit. */
public record MonitoringSetting(long organisationId, int measureDays, boolean workingDays, int screeningDays,
		boolean inherited) {
}
