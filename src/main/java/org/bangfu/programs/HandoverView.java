package org.bangfu.programs;

import java.math.BigDecimal;
import java.time.Instant;

import org.bangfu.shared.BusinessTime;
import org.bangfu.shared.Money;

/**
 * A roster line of goods, vouchers or a service with its hand-over, if recorded (outcome null
 * while open): the beneficiary, village, item and amount; the recipient (the beneficiary or a
 * proxy with the relation), the delivery point, when and by whom, and whether a confirmation
 * image is kept.
 */
public record HandoverView(long lineId, long cycleId, long householdId, String programName, String cycleLabel,
		String payeeName, String idNumberMasked, String village, long amountFen, String item, HandoverOutcome outcome,
		String recipientName, boolean proxy, String proxyRelation, String deliveryPoint, String note, Instant handedAt,
		String staffName, boolean confirmed) {

	public boolean open() {
		return outcome == null;
	}

	public String amountText() {
		return Money.of(BigDecimal.valueOf(amountFen, 2)).format();
	}

	/** The moment in the business time zone, e.g. 2026-10-18 09:30. */
	public String handedAtText() {
		return handedAt == null ? "" : BusinessTime.minutes(handedAt);
	}

	/** The recipient as shown: the name, with the relation when a proxy received it. */
	public String recipientText() {
		if (recipientName == null) {
			return "";
		}
		return proxy && proxyRelation != null ? recipientName + "（" + proxyRelation + "）" : recipientName;
	}

}
