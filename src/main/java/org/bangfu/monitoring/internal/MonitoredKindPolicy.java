package org.bangfu.monitoring.internal;

import java.util.Optional;

import org.bangfu.monitoring.MonitoredKind;

/**
 * The monitoring rule set's outcome and the household's status give the monitored kind: sudden
 * severe hardship whatever the status; at risk is unstable after exit for an exited household and
 * marginal otherwise; stable or no risk flags nothing. Draft and closed files are never flagged.
 */
public final class MonitoredKindPolicy {

	public static final String SUDDEN = "SUDDEN";

	public static final String AT_RISK = "AT_RISK";

	public static final String STABLE = "STABLE";

	private MonitoredKindPolicy() {
	}

	public static Optional<MonitoredKind> kind(String outcome, String householdStatus) {
		if (!"FILED".equals(householdStatus) && !"EXITED".equals(householdStatus)) {
			return Optional.empty();
		}
		if (SUDDEN.equals(outcome)) {
			return Optional.of(MonitoredKind.SUDDEN);
		}
		if (AT_RISK.equals(outcome)) {
			return Optional.of("EXITED".equals(householdStatus) ? MonitoredKind.UNSTABLE : MonitoredKind.MARGINAL);
		}
		return Optional.empty();
	}

}
