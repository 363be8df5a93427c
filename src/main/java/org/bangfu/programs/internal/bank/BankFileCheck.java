package org.bangfu.programs.internal.bank;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.bangfu.programs.BankColumn;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLayout.SummaryPosition;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;

/**
 * Reads a produced bank file back from its bytes and checks that it adds up: the summary line
 * where the layout puts it, every detail line with the layout's columns and a positive amount, 序号
 * 1, 2, 3 … in order, and the number and sum of the detail lines equal to the summary's 总笔数 and
 * 总金额 and to what the batch holds. A file that does not add up is refused (never handed out).
 * The digest of its content (lines and fields as read, so an xlsx's zip timestamps do not count)
 * tells whether a file made again is the file checked at issue.
 */
public final class BankFileCheck {

	/** What the file says: its summary's count and total, and the count and sum of its detail lines. */
	public record Totals(long summaryCount, long summaryFen, long detailCount, long detailFen, String contentSha256) {
	}

	private BankFileCheck() {
	}

	public static Totals check(BankLayout layout, boolean withAmounts, Path file, int expectedCount, long expectedFen)
			throws IOException {
		List<BankColumn> summaryColumns = BankFileWriter.columns(layout, BankColumn.Line.SUMMARY, withAmounts);
		List<BankColumn> detailColumns = BankFileWriter.columns(layout, BankColumn.Line.DETAIL, withAmounts);
		boolean summaryFirst = layout.summaryPosition() == SummaryPosition.FIRST;
		long[] detail = { 0, 0 };
		String[][] summary = { null };
		String[][] pending = { null };
		java.security.MessageDigest content = BankFileMaker.sha256();
		BankFileReader.read(layout, file, (number, fields) -> {
			for (String f : fields) {
				content.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				content.update((byte) 0x1f);
			}
			content.update((byte) '\n');
			if (summaryFirst && summary[0] == null) {
				summary[0] = fields;
				return;
			}
			if (!summaryFirst && pending[0] != null) {
				detail(layout, withAmounts, detailColumns, pending[0], detail);
			}
			if (summaryFirst) {
				detail(layout, withAmounts, detailColumns, fields, detail);
			}
			else {
				pending[0] = fields;
			}
		});
		String[] s = summaryFirst ? summary[0] : pending[0];
		if (s == null || s.length != summaryColumns.size() || !marker(summaryColumns, s, "H")) {
			throw broken("bank.file.summaryMissing");
		}
		long count = number(value(summaryColumns, s, BankColumn.TOTAL_COUNT));
		long total = withAmounts ? amount(layout, value(summaryColumns, s, BankColumn.TOTAL_AMOUNT)) : 0;
		Totals totals = new Totals(count, total, detail[0], detail[1],
				java.util.HexFormat.of().formatHex(content.digest()));
		if (count != detail[0] || total != detail[1] || count != expectedCount || (withAmounts && total != expectedFen)) {
			throw new BangfuException(Problem.BAD_INPUT, "bank.file.notBalanced", String.valueOf(count),
					BankAmounts.format(total, BankLayout.AmountUnit.YUAN), String.valueOf(detail[0]),
					BankAmounts.format(detail[1], BankLayout.AmountUnit.YUAN));
		}
		return totals;
	}

	private static void detail(BankLayout layout, boolean withAmounts, List<BankColumn> columns, String[] fields,
			long[] detail) {
		if (fields.length != columns.size() || !marker(columns, fields, "D")) {
			throw broken("bank.file.detailBroken", String.valueOf(detail[0] + 1));
		}
		long seq = number(value(columns, fields, BankColumn.SEQ));
		if (seq != detail[0] + 1) {
			throw broken("bank.file.detailBroken", String.valueOf(detail[0] + 1));
		}
		detail[0]++;
		if (withAmounts) {
			long fen = amount(layout, value(columns, fields, BankColumn.AMOUNT));
			if (fen <= 0) {
				throw broken("bank.file.detailBroken", String.valueOf(detail[0]));
			}
			detail[1] = Math.addExact(detail[1], fen);
		}
	}

	private static boolean marker(List<BankColumn> columns, String[] fields, String expected) {
		int i = columns.indexOf(BankColumn.RECORD_TYPE);
		return i < 0 || expected.equals(fields[i]);
	}

	static String value(List<BankColumn> columns, String[] fields, BankColumn column) {
		int i = columns.indexOf(column);
		return i < 0 || i >= fields.length ? "" : fields[i].strip();
	}

	private static long number(String text) {
		if (!text.matches("\\d{1,9}")) {
			throw broken("bank.file.summaryMissing");
		}
		return Long.parseLong(text);
	}

	private static long amount(BankLayout layout, String text) {
		Long fen = BankAmounts.parse(text, layout.amountUnit());
		if (fen == null) {
			throw broken("bank.file.summaryMissing");
		}
		return fen;
	}

	private static BangfuException broken(String key, Object... args) {
		return new BangfuException(Problem.BAD_INPUT, key, args);
	}

}
