package org.bangfu.programs.internal.bank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.programs.BankAccountsVerified;
import org.bangfu.programs.BankFileProblem;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankReturnReconciled;
import org.bangfu.programs.BankReturnRefused;
import org.bangfu.programs.BankReturnResult;
import org.bangfu.programs.PaymentFailure;
import org.bangfu.programs.PaymentLineStatus;
import org.bangfu.programs.WorkProgress;
import org.bangfu.shared.BangfuException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a bank's answer to a batch (a return file, or the answer to a verification file) in one
 * transaction: its lines go into a staging table (account as keyed hash), the summary is checked
 * against the sent batch (batch number, counts, amounts) and against its own lines, then each
 * line is matched to a sent line by 序号 with name, account and amount compared in SQL. Any
 * problem refuses the whole file and rolls everything back. Otherwise one UPDATE settles every
 * line (paid / verified / failed with the bank's reason) and the batch is reconciled. The same
 * answer again changes nothing: the same bytes are recognised at once; other bytes with the same
 * results are read, found identical and rolled back; different results for a reconciled batch are refused.
 */
@Component
public class BankReturnImport {

	static final int LISTED = 200;

	private static final int PROGRESS_EVERY = 5000;

	private final JdbcClient jdbc;

	private final BankBatchStore store;

	private final BankCipher cipher;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	BankReturnImport(JdbcClient jdbc, BankBatchStore store, BankCipher cipher, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.store = store;
		this.cipher = cipher;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
	}

	public BankReturnResult run(long batchId, Path file, String fileName, String sha256, String by) {
		return run(batchId, file, fileName, sha256, by, WorkProgress.NONE);
	}

	/** The same, reporting the lines read of the lines sent. */
	public BankReturnResult run(long batchId, Path file, String fileName, String sha256, String by, WorkProgress progress) {
		return tx.execute(status -> {
			try {
				return apply(batchId, file, fileName, sha256, by, status, progress);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private BankReturnResult apply(long batchId, Path file, String fileName, String sha256, String by,
			org.springframework.transaction.TransactionStatus status, WorkProgress progress) throws IOException {
		boolean reconciled = "RECONCILED".equals(store.lockStatus(batchId));
		var batch = jdbc.sql("SELECT kind, batch_no, line_count, total_fen, organisation_id FROM programs_bank_batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4), rs.getLong(5) })
			.single();
		boolean payment = "PAYMENT".equals(batch[0]);
		if (jdbc.sql("SELECT count(*) FROM programs_bank_return WHERE batch_id = ? AND file_sha256 = ?")
			.params(batchId, sha256).query(Long.class).single() > 0) {
			return result(batchId, false, payment);
		}
		BankLayout layout = store.layoutOf(batchId);
		long returnId = jdbc.sql("""
				INSERT INTO programs_bank_return (batch_id, file_name, file_sha256, line_count, success_count, failure_count,
				       created_by) VALUES (?, ?, ?, 0, 0, 0, ?) RETURNING id""")
			.params(batchId, fileName, sha256, by).query(Long.class).single();
		BankAnswerLines lines = new BankAnswerLines(layout, payment, returnId, cipher, store.dataSource());
		long sent = ((Integer) batch[2]).longValue();
		long[] read = { 0 };
		progress.report(0, sent);
		BankFileReader.read(layout, file, (line, fields) -> {
			lines.accept(line, fields);
			if (++read[0] % PROGRESS_EVERY == 0) {
				progress.report(Math.min(read[0], sent), sent);
			}
		});
		lines.finish();
		List<BankFileProblem> problems = new ArrayList<>(lines.problems);
		long total = lines.problemCount;
		if (problems.isEmpty()) {
			problems.addAll(BankAnswerSummaryPolicy.check(lines, (String) batch[1], (Integer) batch[2], (Long) batch[3], payment));
			total = problems.size();
		}
		if (problems.isEmpty()) {
			total = lineProblems(batchId, returnId, payment, problems);
		}
		if (!problems.isEmpty()) {
			throw new BankReturnRefused(problems, total);
		}
		if (reconciled) {
			long differing = jdbc.sql("""
					SELECT count(*) FROM programs_bank_return_line s JOIN programs_bank_line l ON l.batch_id = ? AND l.seq = s.seq
					WHERE s.return_id = ? AND (l.status = 'FAILED') <> (s.result = 'F')""")
				.params(batchId, returnId).query(Long.class).single();
			if (differing > 0) {
				throw BangfuException.badField("file", "bank.return.alreadyReconciled", String.valueOf(differing));
			}
			status.setRollbackOnly();
			return result(batchId, false, payment);
		}
		settle(batchId, returnId, payment, lines);
		long organisationId = (Long) batch[4];
		List<Long> succeeded = new ArrayList<>();
		List<PaymentFailure> failed = new ArrayList<>();
		store.outcomes(batchId, null, o -> {
			if (o.status() == PaymentLineStatus.FAILED) {
				failed.add(new PaymentFailure(o.reference(), o.reason()));
			}
			else {
				succeeded.add(o.reference());
			}
		});
		events.publishEvent(payment ? new BankReturnReconciled(batchId, organisationId, (String) batch[1], succeeded, failed)
				: new BankAccountsVerified(batchId, organisationId, succeeded, failed));
		return new BankReturnResult(batchId, true, succeeded.size(), failed.size());
	}

	private BankReturnResult result(long batchId, boolean changed, boolean payment) {
		var counts = jdbc.sql("SELECT paid_count, failed_count FROM programs_bank_batch WHERE id = ?")
			.param(batchId).query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) }).single();
		return new BankReturnResult(batchId, changed, counts[0], counts[1]);
	}

	private void settle(long batchId, long returnId, boolean payment, BankAnswerLines lines) {
		jdbc.sql("""
				UPDATE programs_bank_line l
				SET status = CASE WHEN s.result = 'S' THEN :ok ELSE 'FAILED' END,
				    reason = CASE WHEN s.result = 'F' THEN s.reason END
				FROM programs_bank_return_line s
				WHERE s.return_id = :ret AND l.batch_id = :batch AND l.seq = s.seq""")
			.param("ok", payment ? "PAID" : "VERIFIED")
			.param("ret", returnId)
			.param("batch", batchId)
			.update();
		jdbc.sql("""
				UPDATE programs_bank_batch b SET status = 'RECONCILED', reconciled_at = now(),
				       paid_count = t.ok_count, paid_fen = t.ok_fen, failed_count = t.failed_count, failed_fen = t.failed_fen
				FROM (SELECT count(*) FILTER (WHERE status <> 'FAILED') AS ok_count,
				             coalesce(sum(amount_fen) FILTER (WHERE status <> 'FAILED'), 0) AS ok_fen,
				             count(*) FILTER (WHERE status = 'FAILED') AS failed_count,
				             coalesce(sum(amount_fen) FILTER (WHERE status = 'FAILED'), 0) AS failed_fen
				      FROM programs_bank_line WHERE batch_id = :batch) t
				WHERE b.id = :batch""").param("batch", batchId).update();
		jdbc.sql("UPDATE programs_bank_return SET line_count = ?, success_count = ?, failure_count = ? WHERE id = ?")
			.params(lines.count, lines.successCount, lines.failureCount, returnId)
			.update();
	}

	/** Line by line against the sent lines, in SQL; returns how many problems there are in all (the first are listed). */
	private long lineProblems(long batchId, long returnId, boolean payment, List<BankFileProblem> problems) {
		String amount = payment ? " OR s.amount_fen IS DISTINCT FROM l.amount_fen" : "";
		String sql = """
				SELECT * FROM (
				  SELECT s.line_no, s.seq, 'bank.return.line.duplicate' AS key, s.seq::text AS a1, '' AS a2
				  FROM programs_bank_return_line s
				  WHERE s.return_id = :ret AND EXISTS (SELECT 1 FROM programs_bank_return_line t
				        WHERE t.return_id = s.return_id AND t.seq = s.seq AND t.line_no < s.line_no)
				  UNION ALL
				  SELECT s.line_no, s.seq, 'bank.return.line.unknown', s.seq::text, ''
				  FROM programs_bank_return_line s
				  WHERE s.return_id = :ret AND NOT EXISTS (SELECT 1 FROM programs_bank_line l WHERE l.batch_id = :batch AND l.seq = s.seq)
				  UNION ALL
				  SELECT s.line_no, s.seq,
				         CASE WHEN s.payee_name <> l.payee_name THEN 'bank.return.line.name'
				              WHEN s.account_hash <> l.account_hash THEN 'bank.return.line.account'
				              ELSE 'bank.return.line.amount' END,
				         CASE WHEN s.payee_name <> l.payee_name THEN s.payee_name
				              WHEN s.account_hash <> l.account_hash THEN l.account_masked
				              ELSE coalesce((s.amount_fen / 100.0)::numeric(20,2)::text, '') END,
				         CASE WHEN s.payee_name <> l.payee_name THEN l.payee_name
				              WHEN s.account_hash <> l.account_hash THEN l.account_masked
				              ELSE (l.amount_fen / 100.0)::numeric(20,2)::text END
				  FROM programs_bank_return_line s JOIN programs_bank_line l ON l.batch_id = :batch AND l.seq = s.seq
				  WHERE s.return_id = :ret AND (s.payee_name <> l.payee_name OR s.account_hash <> l.account_hash %s)
				  UNION ALL
				  SELECT 0, l.seq, 'bank.return.line.missing', l.seq::text, l.payee_name
				  FROM programs_bank_line l
				  WHERE l.batch_id = :batch AND NOT EXISTS (SELECT 1 FROM programs_bank_return_line s
				        WHERE s.return_id = :ret AND s.seq = l.seq)
				) p""".formatted(amount);
		long total = jdbc.sql("SELECT count(*) FROM (" + sql + ") c")
			.param("ret", returnId).param("batch", batchId).query(Long.class).single();
		if (total > 0) {
			problems.addAll(jdbc.sql(sql + " ORDER BY line_no = 0, line_no, seq LIMIT " + LISTED)
				.param("ret", returnId)
				.param("batch", batchId)
				.query((rs, n) -> new BankFileProblem(rs.getLong(1), rs.getInt(2), rs.getString(3),
						List.of(rs.getString(4), rs.getString(5))))
				.list());
		}
		return total;
	}

}
