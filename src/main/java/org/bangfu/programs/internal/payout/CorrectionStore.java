package org.bangfu.programs.internal.payout;

import java.util.List;

import org.bangfu.programs.FailedLineView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The failed lines of a cycle for the bulk correction page, and a line's corrected account. */
@Repository
public class CorrectionStore {

	private final JdbcClient jdbc;

	CorrectionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<FailedLineView> failed(long cycleId) {
		return jdbc.sql("""
				SELECT id, household_id, payee_name, account_holder, id_number_masked, bank_name, account_masked, payment_reason,
				       amount_fen, bank_batch_id
				FROM programs_roster_line WHERE cycle_id = ? AND payment_status = 'FAILED' AND bank_batch_id IS NOT NULL
				ORDER BY household_id, member_id NULLS FIRST, id""")
			.param(cycleId)
			.query((rs, n) -> new FailedLineView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10)))
			.list();
	}

	/** The failed line now pays into this account (masked, hashed, encrypted as the others). */
	public void account(long lineId, String masked, String hash, String encrypted) {
		jdbc.sql("UPDATE programs_roster_line SET account_masked = ?, account_hash = ?, account_enc = ?, account_status = 'OK' "
				+ "WHERE id = ? AND payment_status = 'FAILED'")
			.params(masked, hash, encrypted, lineId)
			.update();
	}

}
