package org.bangfu.programs.internal.bank;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.bangfu.platform.db.CopyIn;
import org.bangfu.programs.BankColumn;
import org.bangfu.programs.BankFileProblem;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLayout.SummaryPosition;

/**
 * A bank answer's lines as they are read: the summary line kept, each detail line parsed (序号,
 * name, account as keyed hash, amount, S/F, reason) into the staging table in COPY chunks, the
 * lines counted and summed; lines that cannot be read are noted as problems (the first few hundred
 * listed). The summary is found by its record type (H/D) or, without one, where the layout puts it.
 */
final class BankAnswerLines {

	final BankLayout layout;

	final boolean payment;

	final long returnId;

	final BankCipher cipher;

	final DataSource dataSource;

	final List<BankColumn> summaryColumns;

	final List<BankColumn> detailColumns;

	final boolean marked;

	final List<BankFileProblem> problems = new ArrayList<>();

	long problemCount;

	String[] summary;

	long summaryLine;

	String[] pending;

	long pendingLine;

	boolean first = true;

	int count;

	long amountFen;

	int successCount;

	long successFen;

	int failureCount;

	long failureFen;

	String summaryBatchNo;

	Long summaryCount;

	Long summaryFen;

	Long summarySuccessCount;

	Long summarySuccessFen;

	Long summaryFailureCount;

	Long summaryFailureFen;

	CopyIn chunk = chunk();

	BankAnswerLines(BankLayout layout, boolean payment, long returnId, BankCipher cipher, DataSource dataSource) {
		this.layout = layout;
		this.payment = payment;
		this.returnId = returnId;
		this.cipher = cipher;
		this.dataSource = dataSource;
		this.summaryColumns = layout.returnSummaryColumns();
		this.detailColumns = layout.returnDetailColumns();
		this.marked = detailColumns.contains(BankColumn.RECORD_TYPE) && summaryColumns.contains(BankColumn.RECORD_TYPE);
	}

	void accept(long line, String[] fields) {
		if (marked) {
			String type = BankFileCheck.value(summaryColumns, fields, BankColumn.RECORD_TYPE);
			String detailType = BankFileCheck.value(detailColumns, fields, BankColumn.RECORD_TYPE);
			if ("H".equals(type)) {
				summary(line, fields);
			}
			else if ("D".equals(detailType)) {
				detail(line, fields);
			}
			else {
				problem(line, null, "bank.return.line.kind");
			}
			return;
		}
		if (layout.summaryPosition() == SummaryPosition.FIRST) {
			if (first) {
				summary(line, fields);
			}
			else {
				detail(line, fields);
			}
		}
		else {
			if (pending != null) {
				detail(pendingLine, pending);
			}
			pending = fields;
			pendingLine = line;
		}
		first = false;
	}

	void finish() {
		if (!marked && layout.summaryPosition() == SummaryPosition.LAST && pending != null) {
			summary(pendingLine, pending);
		}
		if (chunk.rows() > 0) {
			chunk.into(dataSource);
		}
	}

	private void summary(long line, String[] f) {
		if (summary != null) {
			problem(line, null, "bank.return.summaryTwice");
			return;
		}
		if (f.length != summaryColumns.size()) {
			problem(line, null, "bank.return.line.columns", String.valueOf(summaryColumns.size()), String.valueOf(f.length));
			return;
		}
		summary = f;
		summaryLine = line;
		summaryBatchNo = BankFileCheck.value(summaryColumns, f, BankColumn.BATCH_NO);
		summaryCount = number(BankColumn.TOTAL_COUNT, f);
		summaryFen = amount(BankColumn.TOTAL_AMOUNT, f);
		summarySuccessCount = number(BankColumn.SUCCESS_COUNT, f);
		summarySuccessFen = amount(BankColumn.SUCCESS_AMOUNT, f);
		summaryFailureCount = number(BankColumn.FAILURE_COUNT, f);
		summaryFailureFen = amount(BankColumn.FAILURE_AMOUNT, f);
	}

	private Long number(BankColumn c, String[] f) {
		String v = BankFileCheck.value(summaryColumns, f, c);
		return v.matches("\\d{1,9}") ? Long.valueOf(v) : null;
	}

	private Long amount(BankColumn c, String[] f) {
		return BankAmounts.parse(BankFileCheck.value(summaryColumns, f, c), layout.amountUnit());
	}

	private void detail(long line, String[] f) {
		if (f.length != detailColumns.size()) {
			problem(line, null, "bank.return.line.columns", String.valueOf(detailColumns.size()), String.valueOf(f.length));
			return;
		}
		String seqText = BankFileCheck.value(detailColumns, f, BankColumn.SEQ);
		if (!seqText.matches("\\d{1,9}")) {
			problem(line, null, "bank.return.line.seq", seqText);
			return;
		}
		int seq = Integer.parseInt(seqText);
		String amountText = BankFileCheck.value(detailColumns, f, BankColumn.AMOUNT);
		Long fen = amountText.isEmpty() && !payment ? null : BankAmounts.parse(amountText, layout.amountUnit());
		if (payment && (fen == null || fen <= 0)) {
			problem(line, seq, "bank.return.line.amountInvalid", amountText);
			return;
		}
		String result = BankFileCheck.value(detailColumns, f, BankColumn.RESULT).toUpperCase(java.util.Locale.ROOT);
		if (!result.equals("S") && !result.equals("F")) {
			problem(line, seq, "bank.return.line.result", result);
			return;
		}
		String reason = BankFileCheck.value(detailColumns, f, BankColumn.REASON);
		reason = reason.length() > 100 ? reason.substring(0, 100) : reason;
		String account = BankFileCheck.value(detailColumns, f, BankColumn.ACCOUNT).replace(" ", "");
		String name = BankFileCheck.value(detailColumns, f, BankColumn.PAYEE_NAME);
		name = name.length() > 100 ? name.substring(0, 100) : name;
		count++;
		long fenValue = fen == null ? 0 : fen;
		amountFen += fenValue;
		if (result.equals("S")) {
			successCount++;
			successFen += fenValue;
		}
		else {
			failureCount++;
			failureFen += fenValue;
		}
		chunk.row(returnId, line, seq, name, cipher.hash(account), fen, result,
				result.equals("F") ? (reason.isEmpty() ? "—" : reason) : null);
		if (chunk.rows() >= 5000) {
			chunk.into(dataSource);
			chunk = chunk();
		}
	}

	private void problem(long line, Integer seq, String key, String... args) {
		problemCount++;
		if (problems.size() < BankReturnImport.LISTED) {
			problems.add(new BankFileProblem(line, seq, key, List.of(args)));
		}
	}

	private static CopyIn chunk() {
		return new CopyIn("programs_bank_return_line", "return_id", "line_no", "seq", "payee_name", "account_hash",
				"amount_fen", "result", "reason");
	}

}
