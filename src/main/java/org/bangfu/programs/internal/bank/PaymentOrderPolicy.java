package org.bangfu.programs.internal.bank;

import java.nio.charset.CharsetEncoder;
import java.time.LocalDate;

import org.bangfu.programs.BankLayout;
import org.bangfu.programs.PaymentIdType;
import org.bangfu.programs.PaymentOrder;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.IdNumber;

/**
 * The checks every line passes before a bank file is built, naming the line (its position and the
 * caller's reference) when it fails: no field holds the separator or a line break, the payee's
 * name and account are there (accounts are digits), the amount is above zero (payment files), a
 * resident ID number is valid, the bank has a code for the document type, purpose and remark are
 * short enough, and every character can be written in the layout's encoding.
 */
public final class PaymentOrderPolicy {

	public static final int MAX_PURPOSE = 30;

	public static final int MAX_REMARK = 60;

	public static final int MAX_NAME = 50;

	private final BankLayout layout;

	private final CharsetEncoder encoder;

	private final boolean payment;

	private final String batchPurpose;

	private final LocalDate today;

	public PaymentOrderPolicy(BankLayout layout, boolean payment, String batchPurpose, LocalDate today) {
		this.layout = layout;
		this.encoder = layout.encoding().charset().newEncoder();
		this.payment = payment;
		this.batchPurpose = batchPurpose;
		this.today = today;
	}

	/** The order as it goes into the file (trimmed, account without spaces, purpose defaulted), or a refusal. */
	public PaymentOrder check(int line, PaymentOrder o) {
		String ref = Long.toString(o.reference());
		String name = o.payeeName() == null ? "" : o.payeeName().strip();
		field(line, ref, "name", name);
		if (name.isEmpty()) {
			throw refuse("bank.order.name.empty", line, ref);
		}
		if (name.length() > MAX_NAME) {
			throw refuse("bank.order.name.tooLong", line, ref, MAX_NAME);
		}
		String account = o.account() == null ? "" : o.account().replace(" ", "").strip();
		field(line, ref, "account", account);
		if (account.isEmpty()) {
			throw refuse("bank.order.account.empty", line, ref, name);
		}
		if (!account.matches("\\d{6,32}")) {
			throw refuse("bank.order.account.invalid", line, ref, name);
		}
		if (payment && o.amountFen() <= 0) {
			throw refuse("bank.order.amount", line, ref, name, BankAmounts.format(o.amountFen(), BankLayout.AmountUnit.YUAN));
		}
		PaymentIdType type = o.idType() == null ? PaymentIdType.RESIDENT_ID : o.idType();
		String code = layout.idTypeCode(type);
		if (code == null) {
			throw refuse("bank.order.idType.noCode", line, ref, name, type.name());
		}
		String id = o.idNumber() == null ? "" : o.idNumber().strip().toUpperCase(java.util.Locale.ROOT);
		field(line, ref, "idNumber", id);
		if (id.isEmpty() || id.length() > 30) {
			throw refuse("bank.order.idNumber.empty", line, ref, name);
		}
		if (type == PaymentIdType.RESIDENT_ID && !IdNumber.isValid(id, today)) {
			throw refuse("bank.order.idNumber.invalid", line, ref, name);
		}
		String purpose = o.purpose() == null || o.purpose().isBlank() ? batchPurpose : o.purpose().strip();
		field(line, ref, "purpose", purpose);
		if (purpose.length() > MAX_PURPOSE) {
			throw refuse("bank.order.purpose.tooLong", line, ref, name, MAX_PURPOSE);
		}
		String remark = o.remark() == null ? "" : o.remark().strip();
		field(line, ref, "remark", remark);
		if (remark.length() > MAX_REMARK) {
			throw refuse("bank.order.remark.tooLong", line, ref, name, MAX_REMARK);
		}
		return new PaymentOrder(o.reference(), name, account, type, id, payment ? o.amountFen() : 0, purpose, remark);
	}

	/** A header field (payer name, payer account, purpose) under the same rules: no separator, encodable. */
	public void header(String field, String value) {
		if (value == null || value.isBlank()) {
			throw BangfuException.badField(field, "bank.batch." + field + ".required");
		}
		if (containsForbidden(value)) {
			throw BangfuException.badField(field, "bank.batch.separator", layout.separator());
		}
		if (!encoder.canEncode(value)) {
			throw BangfuException.badField(field, "bank.batch.encoding", layout.encoding().label());
		}
	}

	private void field(int line, String ref, String which, String value) {
		if (containsForbidden(value)) {
			throw refuse("bank.order.separator." + which, line, ref, layout.separator());
		}
		if (!encoder.canEncode(value)) {
			throw refuse("bank.order.encoding." + which, line, ref, layout.encoding().label());
		}
	}

	private boolean containsForbidden(String value) {
		return value.contains(layout.separator()) || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
	}

	static BangfuException refuse(String key, int line, String ref, Object... more) {
		Object[] args = new Object[2 + more.length];
		args[0] = String.valueOf(line);
		args[1] = ref;
		System.arraycopy(more, 0, args, 2, more.length);
		return BangfuException.badField("orders", key, args);
	}

}
