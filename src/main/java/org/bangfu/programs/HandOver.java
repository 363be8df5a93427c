package org.bangfu.programs;

/**
 * Records a roster line at the delivery point: the outcome; when handed over, who received it
 * (the beneficiary, or a named proxy with the relation to the beneficiary); the delivery point
 * and a note (the circumstances when not handed over).
 */
public record HandOver(HandoverOutcome outcome, boolean proxy, String recipientName, String proxyRelation,
		String deliveryPoint, String note) {
}
