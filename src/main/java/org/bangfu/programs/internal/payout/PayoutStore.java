package org.bangfu.programs.internal.payout;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bangfu.programs.BankPayer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for paying rosters: the payer per organisation, the lines of a cycle to send (not removed,
 * an amount, an account, never sent or paid), failed lines with the account now on record, the
 * lines' payment status from the bank batches, and a person's own account.
 */
@Repository
public class PayoutStore {

	private final JdbcClient jdbc;

	PayoutStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<BankPayer> payer(long organisationId) {
		return jdbc.sql("SELECT organisation_id, name, account FROM programs_bank_payer WHERE organisation_id = ?")
			.param(organisationId)
			.query((rs, n) -> new BankPayer(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public void savePayer(BankPayer payer, String login) {
		jdbc.sql("""
				INSERT INTO programs_bank_payer (organisation_id, name, account, updated_by) VALUES (?, ?, ?, ?)
				ON CONFLICT (organisation_id) DO UPDATE SET name = excluded.name, account = excluded.account,
				    updated_by = excluded.updated_by, updated_at = now()
				""").params(payer.organisationId(), payer.name(), payer.account(), login).update();
	}

	/**
	 * A line to pay: id, household, member (null: the head), payee, amount, the encrypted account, and the account
	 * holder when the money goes to the head's card for a minor (then the head's name and ID number go to the bank).
	 */
	public record PayLine(long id, long householdId, Long memberId, String payeeName, long amountFen, String accountEnc,
			String accountHolder) {

		/** Whether the bank is paid to the head of the household (the line is the household's, or a minor's on the head's card). */
		public boolean toHead() {
			return memberId == null || accountHolder != null;
		}

		public String nameForBank() {
			return accountHolder != null ? accountHolder : payeeName;
		}

	}

	/** The cycle's lines to send, in roster order. */
	public void linesToSend(long cycleId, Consumer<PayLine> sink) {
		jdbc.sql("""
				SELECT id, household_id, member_id, payee_name, amount_fen, account_enc, account_holder FROM programs_roster_line
				WHERE cycle_id = ? AND status <> 'REMOVED' AND amount_fen > 0 AND account_enc IS NOT NULL
				  AND payment_status = 'NOT_SENT'
				ORDER BY household_id, member_id NULLS FIRST
				""").param(cycleId).query((java.sql.ResultSet rs) -> sink.accept(new PayLine(rs.getLong(1), rs.getLong(2),
				(Long) rs.getObject(3, Long.class), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7))));
	}

	/** How many lines {@link #linesToSend} would give. */
	public long countToSend(long cycleId) {
		return jdbc.sql("""
				SELECT count(*) FROM programs_roster_line
				WHERE cycle_id = ? AND status <> 'REMOVED' AND amount_fen > 0 AND account_enc IS NOT NULL
				  AND payment_status = 'NOT_SENT'""").param(cycleId).query(Long.class).single();
	}

	/** How many lines of the cycle failed at the bank and wait to be re-issued. */
	public long countFailed(long cycleId) {
		return jdbc.sql("SELECT count(*) FROM programs_roster_line WHERE cycle_id = ? AND payment_status = 'FAILED'")
			.param(cycleId).query(Long.class).single();
	}

	/**
	 * A failed line: its batch and the account on record now: for a post subsidy the post's salary account in the post
	 * register, else the household's for the head and the person's own for a member.
	 */
	public record FailedLine(long id, long batchId, String accountEnc, String accountHash, String bankName,
			String accountMasked) {
	}

	public List<FailedLine> failedLines(long cycleId) {
		return jdbc.sql("""
				SELECT l.id, l.bank_batch_id,
				       CASE WHEN p.id IS NOT NULL THEN p.account_enc
				            WHEN l.member_id IS NULL OR a.member_id IS NULL THEN h.bank_account_enc ELSE a.account_enc END,
				       CASE WHEN p.id IS NOT NULL THEN p.account_hash
				            WHEN l.member_id IS NULL OR a.member_id IS NULL THEN h.bank_account_hash ELSE a.account_hash END,
				       CASE WHEN p.id IS NOT NULL THEN p.bank_name
				            WHEN l.member_id IS NULL OR a.member_id IS NULL THEN h.bank_name ELSE a.bank_name END,
				       CASE WHEN p.id IS NOT NULL THEN p.account_masked
				            WHEN l.member_id IS NULL OR a.member_id IS NULL THEN h.bank_account_masked ELSE a.account_masked END
				FROM programs_roster_line l
				JOIN registry_household h ON h.id = l.household_id
				LEFT JOIN programs_member_account a ON a.member_id = l.member_id
				LEFT JOIN programs_post_month pm ON pm.cycle_id = l.cycle_id AND pm.person_hash = l.person_hash
				LEFT JOIN programs_post p ON p.id = pm.post_id
				WHERE l.cycle_id = ? AND l.payment_status = 'FAILED'
				ORDER BY l.bank_batch_id, l.id
				""").param(cycleId).query((rs, n) -> new FailedLine(rs.getLong(1), rs.getLong(2), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getString(6))).list();
	}

	/** The line now pays into this account (after a correction). */
	public void account(long lineId, FailedLine now) {
		jdbc.sql("UPDATE programs_roster_line SET account_enc = ?, account_hash = ?, bank_name = ?, account_masked = ? WHERE id = ?")
			.params(now.accountEnc(), now.accountHash(), now.bankName(), now.accountMasked(), lineId)
			.update();
	}

	/** Lines of an approved cycle that went out in the batch are SENT in it (matched by reference and amount). */
	public int sent(long batchId) {
		return jdbc.sql("""
				UPDATE programs_roster_line l SET payment_status = 'SENT', bank_batch_id = b.batch_id, payment_reason = NULL
				FROM programs_bank_line b, programs_cycle c
				WHERE b.batch_id = ? AND b.kind = 'PAYMENT' AND b.reference = l.id AND b.amount_fen = l.amount_fen
				  AND c.id = l.cycle_id AND c.status = 'APPROVED' AND l.payment_status IN ('NOT_SENT', 'FAILED')
				""").param(batchId).update();
	}

	/** Lines sent in the batch take the bank's answer: PAID, or FAILED with the reason. */
	public int answered(long batchId) {
		return jdbc.sql("""
				UPDATE programs_roster_line l SET payment_status = b.status, payment_reason = b.reason
				FROM programs_bank_line b
				WHERE b.batch_id = ? AND b.reference = l.id AND l.bank_batch_id = b.batch_id
				  AND b.status IN ('PAID', 'FAILED') AND l.payment_status = 'SENT'
				""").param(batchId).update();
	}

	public void memberAccount(long memberId, String bankName, String masked, String hash, String enc, String login) {
		jdbc.sql("""
				INSERT INTO programs_member_account (member_id, bank_name, account_masked, account_hash, account_enc, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (member_id) DO UPDATE SET bank_name = excluded.bank_name, account_masked = excluded.account_masked,
				    account_hash = excluded.account_hash, account_enc = excluded.account_enc, recorded_by = excluded.recorded_by,
				    recorded_at = now()
				""").params(memberId, bankName, masked, hash, enc, login).update();
	}

	/** Whether the member belongs to a household of the scope (path pattern). */
	public boolean memberInScope(long householdId, long memberId, String scopePath) {
		return jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM registry_member m JOIN registry_household h ON h.id = m.household_id
				JOIN organisation o ON o.id = h.organisation_id
				WHERE m.id = :member AND m.household_id = :household AND o.path LIKE :scopePath)
				""").param("member", memberId).param("household", householdId).param("scopePath", scopePath)
			.query(Boolean.class).single();
	}

	public List<Long> batchIds(long cycleId) {
		return jdbc.sql("""
				SELECT DISTINCT b.batch_id FROM programs_bank_line b JOIN programs_roster_line l ON l.id = b.reference
				WHERE l.cycle_id = ? AND b.kind = 'PAYMENT' ORDER BY b.batch_id
				""").param(cycleId).query(Long.class).list();
	}

	/** The payment lines of a bank batch that are roster lines: reference, cycle, amount sent. */
	public List<org.bangfu.programs.BatchLineAmount> batchLineAmounts(long batchId) {
		return jdbc.sql("""
				SELECT b.reference, l.cycle_id, b.amount_fen FROM programs_bank_line b
				JOIN programs_roster_line l ON l.id = b.reference
				WHERE b.batch_id = ? AND b.kind = 'PAYMENT' ORDER BY b.seq
				""").param(batchId)
			.query((rs, n) -> new org.bangfu.programs.BatchLineAmount(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

}
