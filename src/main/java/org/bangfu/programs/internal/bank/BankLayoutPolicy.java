package org.bangfu.programs.internal.bank;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.programs.BankColumn;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.PaymentIdType;
import org.bangfu.shared.BangfuException;

/**
 * What makes a layout usable: a name and bank code, separator {@code |} or {@code ,}, for each kind
 * of line only columns that belong there, the columns it cannot do without, no column twice (but
 * blanks), and a code for the resident ID card.
 */
public final class BankLayoutPolicy {

	private BankLayoutPolicy() {
	}

	public static void check(BankLayout l) {
		if (l.name() == null || l.name().isBlank() || l.name().strip().length() > 100) {
			throw BangfuException.badField("name", "bank.layout.name.required");
		}
		if (l.bankCode() == null || !l.bankCode().strip().matches("[A-Za-z0-9_-]{1,20}")) {
			throw BangfuException.badField("bankCode", "bank.layout.bankCode.invalid");
		}
		if (!"|".equals(l.separator()) && !",".equals(l.separator())) {
			throw BangfuException.badField("separator", "bank.layout.separator.invalid");
		}
		if (l.encoding() == null || l.lineEnd() == null || l.amountUnit() == null || l.summaryPosition() == null
				|| l.fileType() == null) {
			throw BangfuException.badField("encoding", "bank.layout.option.required");
		}
		columns("summaryColumns", BankColumn.Line.SUMMARY, l.summaryColumns());
		columns("detailColumns", BankColumn.Line.DETAIL, l.detailColumns());
		columns("returnSummaryColumns", BankColumn.Line.RETURN_SUMMARY, l.returnSummaryColumns());
		columns("returnDetailColumns", BankColumn.Line.RETURN_DETAIL, l.returnDetailColumns());
		idTypes(l.idTypeCodes(), l.separator());
	}

	private static void columns(String field, BankColumn.Line line, List<BankColumn> columns) {
		if (columns == null || columns.isEmpty()) {
			throw BangfuException.badField(field, "bank.layout.columns.missing", String.join("、", names(line.required())));
		}
		Set<BankColumn> seen = EnumSet.noneOf(BankColumn.class);
		for (BankColumn c : columns) {
			if (!c.allowedIn(line)) {
				throw BangfuException.badField(field, "bank.layout.columns.notHere", c.name());
			}
			if (c != BankColumn.BLANK && !seen.add(c)) {
				throw BangfuException.badField(field, "bank.layout.columns.twice", c.name());
			}
		}
		Set<BankColumn> missing = EnumSet.copyOf(line.required());
		missing.removeAll(seen);
		if (!missing.isEmpty()) {
			throw BangfuException.badField(field, "bank.layout.columns.missing", String.join("、", names(missing)));
		}
	}

	private static void idTypes(Map<PaymentIdType, String> codes, String separator) {
		if (codes == null || codes.get(PaymentIdType.RESIDENT_ID) == null || codes.get(PaymentIdType.RESIDENT_ID).isBlank()) {
			throw BangfuException.badField("idTypeCodes", "bank.layout.idTypes.resident");
		}
		for (String code : codes.values()) {
			if (code == null || !code.matches("[A-Za-z0-9]{1,10}")) {
				throw BangfuException.badField("idTypeCodes", "bank.layout.idTypes.invalid", String.valueOf(code));
			}
		}
	}

	private static List<String> names(Set<BankColumn> columns) {
		return columns.stream().map(Enum::name).toList();
	}

}
