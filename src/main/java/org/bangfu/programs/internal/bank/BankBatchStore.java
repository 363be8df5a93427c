package org.bangfu.programs.internal.bank;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.bangfu.programs.BankBatchKind;
import org.bangfu.programs.BankBatchStatus;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankLayout;
import org.bangfu.programs.BankLineView;
import org.bangfu.programs.PaymentIdType;
import org.bangfu.programs.PaymentLineStatus;
import org.bangfu.programs.PaymentOutcome;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bank batches and their lines: numbers, inserts, scoped reads, and the lines streamed in 序号 order. */
@Repository
public class BankBatchStore {

	static final String SELECT = """
			SELECT b.id, b.organisation_id, o.name AS organisation_name, b.kind, b.status, b.batch_no, b.payer_name,
			       b.payer_account, b.file_date, b.purpose, b.layout_id, l.name AS layout_name, b.follow_up_of,
			       f.batch_no AS follow_up_of_no, b.line_count, b.total_fen, b.paid_count, b.paid_fen, b.failed_count,
			       b.failed_fen, b.file_sha256, b.created_at, b.created_by, b.reconciled_at
			FROM programs_bank_batch b
			JOIN organisation o ON o.id = b.organisation_id
			JOIN programs_bank_layout l ON l.id = b.layout_id
			LEFT JOIN programs_bank_batch f ON f.id = b.follow_up_of
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	private final DataSource dataSource;

	BankBatchStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(2000);
	}

	public DataSource dataSource() {
		return dataSource;
	}

	/** The next batch number of the payer on the day: 20261018001, 20261018002 … (one row lock per payer and day). */
	public String nextNumber(String payerAccount, LocalDate fileDate) {
		int seq = jdbc.sql("""
				INSERT INTO programs_bank_batch_counter (payer_account, file_date, last_seq) VALUES (?, ?, 1)
				ON CONFLICT (payer_account, file_date)
				DO UPDATE SET last_seq = programs_bank_batch_counter.last_seq + 1
				RETURNING last_seq""").params(payerAccount, fileDate).query(Integer.class).single();
		return fileDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
	}

	public long insert(long organisationId, BankBatchKind kind, String batchNo, String payerName, String payerAccount,
			LocalDate fileDate, String purpose, BankLayout layout, Long followUpOf, String by) {
		return jdbc.sql("""
				INSERT INTO programs_bank_batch (organisation_id, kind, status, batch_no, payer_name, payer_account,
				       file_date, purpose, layout_id, layout, follow_up_of, created_by)
				VALUES (?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(organisationId, kind.name(), batchNo, payerName, payerAccount, fileDate, purpose, layout.id(),
					BankLayoutStore.snapshot(layout), followUpOf, by)
			.query(Long.class)
			.single();
	}

	public void finish(long id, int count, long totalFen, String sha256, long size) {
		jdbc.sql("UPDATE programs_bank_batch SET line_count = ?, total_fen = ?, file_sha256 = ?, file_size = ? WHERE id = ?")
			.params(count, totalFen, sha256, size, id)
			.update();
	}

	/** A line already waiting for the bank or paid, among the references: {reference, status, batch number}. */
	public Optional<Object[]> takenReference(long[] references) {
		return jdbc.sql("""
				SELECT l.reference, l.status, b.batch_no FROM programs_bank_line l
				JOIN programs_bank_batch b ON b.id = l.batch_id
				WHERE l.kind = 'PAYMENT' AND l.status IN ('SENT', 'PAID') AND l.reference = ANY(?)
				ORDER BY l.status, l.reference LIMIT 1""")
			.param(references)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
			.optional();
	}

	public Optional<BankBatchView> find(Scope scope, long id) {
		return jdbc.sql(SELECT + " WHERE b.id = :id AND " + Scope.sql("o.path"))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query(BankBatchStore::map)
			.optional();
	}

	/** The batches a job issued (none when it has not committed any yet), oldest first. */
	public List<Long> issuedBy(long jobId) {
		return jdbc.sql("SELECT id FROM programs_bank_batch WHERE job_id = ? ORDER BY id").param(jobId).query(Long.class).list();
	}

	/** Marks the batches as issued by the job, in the transaction that issued them. */
	public void issuedBy(long jobId, List<Long> batchIds) {
		jdbc.sql("UPDATE programs_bank_batch SET job_id = ? WHERE id = ANY (CAST(? AS bigint[]))")
			.params(jobId, batchIds.toArray(Long[]::new))
			.update();
	}

	/** For update: locks the batch row (imports of one batch's answers run one after the other). */
	public String lockStatus(long id) {
		return jdbc.sql("SELECT status FROM programs_bank_batch WHERE id = ? FOR UPDATE").param(id).query(String.class).single();
	}

	public BankLayout layoutOf(long id) {
		return BankLayoutStore.fromSnapshot(
				jdbc.sql("SELECT layout FROM programs_bank_batch WHERE id = ?").param(id).query(String.class).single());
	}

	public List<BankBatchView> list(Scope scope, BankBatchKind kind, BankBatchStatus status, int offset, int limit) {
		return jdbc.sql(SELECT + " WHERE " + Scope.sql("o.path") + filters(kind, status)
				+ " ORDER BY b.created_at DESC, b.id DESC OFFSET :offset LIMIT :limit")
			.param("scopePath", scope.likePattern())
			.param("kind", kind == null ? "" : kind.name())
			.param("status", status == null ? "" : status.name())
			.param("offset", offset)
			.param("limit", limit)
			.query(BankBatchStore::map)
			.list();
	}

	public long count(Scope scope, BankBatchKind kind, BankBatchStatus status) {
		return jdbc.sql("SELECT count(*) FROM programs_bank_batch b JOIN organisation o ON o.id = b.organisation_id WHERE "
				+ Scope.sql("o.path") + filters(kind, status))
			.param("scopePath", scope.likePattern())
			.param("kind", kind == null ? "" : kind.name())
			.param("status", status == null ? "" : status.name())
			.query(Long.class)
			.single();
	}

	private static String filters(BankBatchKind kind, BankBatchStatus status) {
		return (kind == null ? "" : " AND b.kind = :kind") + (status == null ? "" : " AND b.status = :status");
	}

	public List<BankLineView> lines(long batchId, PaymentLineStatus status, int offset, int limit) {
		return jdbc.sql("""
				SELECT seq, reference, payee_name, account_masked, id_type, id_masked, amount_fen, purpose, remark,
				       status, reason
				FROM programs_bank_line WHERE batch_id = :id AND (:status = '' OR status = :status)
				ORDER BY seq OFFSET :offset LIMIT :limit""")
			.param("id", batchId)
			.param("status", status == null ? "" : status.name())
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> new BankLineView(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					PaymentIdType.valueOf(rs.getString(5)), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
					rs.getString(9), PaymentLineStatus.valueOf(rs.getString(10)), rs.getString(11)))
			.list();
	}

	/** Each line's outcome in 序号 order, streamed. */
	public void outcomes(long batchId, PaymentLineStatus only, Consumer<PaymentOutcome> sink) {
		streaming.query("SELECT reference, seq, status, reason, amount_fen FROM programs_bank_line WHERE batch_id = ? "
				+ (only == null ? "AND ?::text IS NULL" : "AND status = ?") + " ORDER BY seq",
				rs -> {
					sink.accept(new PaymentOutcome(rs.getLong(1), rs.getInt(2), PaymentLineStatus.valueOf(rs.getString(3)),
							rs.getString(4), (Long) rs.getObject(5)));
				}, batchId, only == null ? null : only.name());
	}

	/** A stored line with its encrypted values, for the file and for re-issuing. */
	public record StoredLine(int seq, long reference, String payeeName, String accountEnc, PaymentIdType idType,
			String idEnc, Long amountFen, String purpose, String remark, PaymentLineStatus status) {
	}

	/** The lines in 序号 order, streamed (a million lines never sit in memory). */
	public void stream(long batchId, Consumer<StoredLine> sink) {
		streaming.query("""
				SELECT seq, reference, payee_name, account_enc, id_type, id_enc, amount_fen, purpose, remark, status
				FROM programs_bank_line WHERE batch_id = ? ORDER BY seq""", rs -> {
			sink.accept(stored(rs));
		}, batchId);
	}

	public List<StoredLine> linesOf(long batchId, long[] references) {
		return jdbc.sql("""
				SELECT seq, reference, payee_name, account_enc, id_type, id_enc, amount_fen, purpose, remark, status
				FROM programs_bank_line WHERE batch_id = ? AND reference = ANY(?) ORDER BY seq""")
			.params(batchId, references)
			.query((rs, n) -> stored(rs))
			.list();
	}

	private static StoredLine stored(ResultSet rs) throws SQLException {
		return new StoredLine(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				PaymentIdType.valueOf(rs.getString(5)), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
				rs.getString(9), PaymentLineStatus.valueOf(rs.getString(10)));
	}

	static BankBatchView map(ResultSet rs, int n) throws SQLException {
		long followUp = rs.getLong("follow_up_of");
		Long followUpOf = rs.wasNull() ? null : followUp;
		Timestamp reconciled = rs.getTimestamp("reconciled_at");
		return new BankBatchView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				BankBatchKind.valueOf(rs.getString("kind")), BankBatchStatus.valueOf(rs.getString("status")),
				rs.getString("batch_no"), rs.getString("payer_name"), rs.getString("payer_account"),
				rs.getObject("file_date", LocalDate.class), rs.getString("purpose"), rs.getLong("layout_id"),
				rs.getString("layout_name"), followUpOf, rs.getString("follow_up_of_no"), rs.getInt("line_count"),
				rs.getLong("total_fen"), rs.getInt("paid_count"), rs.getLong("paid_fen"), rs.getInt("failed_count"),
				rs.getLong("failed_fen"), rs.getString("file_sha256"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), reconciled == null ? null : reconciled.toInstant());
	}

}
