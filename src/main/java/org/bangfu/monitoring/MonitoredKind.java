package org.bangfu.monitoring;

/** The three monitored kinds: unstable after exit, marginal and at risk, sudden severe hardship. */
public enum MonitoredKind {

	UNSTABLE, MARGINAL, SUDDEN;

	public String messageKey() {
		return "monitoring.kind." + name();
	}

}
