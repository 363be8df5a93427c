package org.bangfu.programs;

/** How a roster line of goods, vouchers or a service ended at the delivery point: handed over, or not (with the reason). */
public enum HandoverOutcome {

	HANDED_OVER, REFUSED, MOVED, DECEASED;

	public boolean handedOver() {
		return this == HANDED_OVER;
	}

	public String messageKey() {
		return "handover.outcome." + name();
	}

}
