package org.bangfu.funds;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A donation to record: donor PERSON or ORGANISATION, anonymous or not, CASH or GOODS (with a
 * description and its value), the date received, the program it is restricted to (or none) and the receipt number.
 */
public record NewDonation(Long fundId, String donorKind, String donorName, boolean anonymous, String form, String goods,
		BigDecimal amount, LocalDate receivedOn, String purpose, String receiptNo) {
}
