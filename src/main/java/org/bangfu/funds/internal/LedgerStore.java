package org.bangfu.funds.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.bangfu.funds.Balance;
import org.bangfu.funds.LedgerEntryView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the append-only ledger: postings written with their entries in one batch, sums per account. */
@Repository
public class LedgerStore {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	LedgerStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Writes a balanced posting and its entries; returns the posting id. */
	public long post(Posting p, String login) {
		LedgerPolicy.balanced(p.entries());
		long id = jdbc.sql("""
				INSERT INTO funds_posting (kind, posted_on, organisation_id, cycle_id, reverses, memo, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(p.kind(), p.postedOn(), p.organisationId(), p.cycleId(), p.reverses(),
					p.memo() == null ? "" : p.memo(), login)
			.query(Long.class)
			.single();
		template.batchUpdate("""
				INSERT INTO funds_ledger_entry (posting_id, fund_id, organisation_id, account, purpose, program_code, cycle_id,
				    reference, posted_on, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				p.entries().stream()
					.map(e -> new Object[] { id, e.fundId(), e.organisationId(), e.account(), e.purpose(), e.programCode(),
							e.cycleId(), e.reference(), p.postedOn(), e.amountFen() })
					.toList());
		return id;
	}

	/** Free (purpose null) or restricted-to-purpose available money of a fund. */
	public long available(long fundId, String purpose) {
		return jdbc.sql("""
				SELECT coalesce(sum(amount_fen), 0) FROM funds_ledger_entry
				WHERE fund_id = ? AND account = 'AVAILABLE' AND purpose IS NOT DISTINCT FROM ?""")
			.params(fundId, purpose)
			.query(Long.class)
			.single();
	}

	/** The fund a cycle's roster was committed to, when it was booked. */
	public Optional<Long> fundOfCycle(long cycleId) {
		return jdbc.sql("SELECT fund_id FROM funds_ledger_entry WHERE cycle_id = ? AND account = 'COMMITTED' LIMIT 1")
			.param(cycleId)
			.query(Long.class)
			.optional();
	}

	/** The program a cycle was committed for. */
	public String programOfCycle(long cycleId) {
		return jdbc.sql("SELECT program_code FROM funds_ledger_entry WHERE cycle_id = ? AND account = 'COMMITTED' LIMIT 1")
			.param(cycleId)
			.query(String.class)
			.single();
	}

	/** Restricted money a cycle still holds: drawn from restricted available, less what went back. */
	public long restrictedHeld(long cycleId) {
		return -jdbc.sql("""
				SELECT coalesce(sum(amount_fen), 0) FROM funds_ledger_entry
				WHERE cycle_id = ? AND account = 'AVAILABLE' AND purpose IS NOT NULL""")
			.param(cycleId)
			.query(Long.class)
			.single();
	}

	/** Used part of a budget: committed and spent for the fund (and program, when given) in postings of the year. */
	public long used(long fundId, String programCode, int year) {
		return jdbc.sql("""
				SELECT coalesce(sum(amount_fen), 0) FROM funds_ledger_entry
				WHERE fund_id = :fund AND account IN ('COMMITTED', 'SPENT')
				  AND (CAST(:program AS VARCHAR) IS NULL OR program_code = :program)
				  AND posted_on >= make_date(:year, 1, 1) AND posted_on < make_date(:year + 1, 1, 1)""")
			.param("fund", fundId)
			.param("program", programCode)
			.param("year", year)
			.query(Long.class)
			.single();
	}

	/** Balances in the scope at a date, grouped by fund, program or organisation. */
	public List<Balance> balances(Scope scope, String groupBy, LocalDate at) {
		String key = switch (groupBy) {
			case "program" -> "coalesce(e.program_code, e.purpose, '-')";
			case "organisation" -> "CAST(e.organisation_id AS VARCHAR)";
			default -> "CAST(e.fund_id AS VARCHAR)";
		};
		String label = switch (groupBy) {
			case "program" -> "min(coalesce(e.program_code, e.purpose, '-'))";
			case "organisation" -> "min(o.name)";
			default -> "min(f.name)";
		};
		return jdbc.sql("SELECT " + key + " AS k, " + label + """
				\s AS label,
				    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'AVAILABLE'), 0),
				    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'COMMITTED'), 0),
				    coalesce(sum(e.amount_fen) FILTER (WHERE e.account = 'SPENT'), 0)
				FROM funds_ledger_entry e JOIN funds_fund f ON f.id = e.fund_id JOIN organisation o ON o.id = e.organisation_id
				WHERE e.posted_on <= :at AND\s""" + Scope.sql("o.path") + " GROUP BY 1 ORDER BY 2")
			.param("at", at)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> new Balance(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
	}

	/** A page of a fund's entries, newest first. */
	public List<LedgerEntryView> entries(long fundId, int offset, int limit) {
		return jdbc.sql(SELECT + " WHERE e.fund_id = ? ORDER BY e.id DESC OFFSET ? LIMIT ?")
			.params(fundId, offset, limit)
			.query(LedgerStore::map)
			.list();
	}

	public long countEntries(long fundId) {
		return jdbc.sql("SELECT count(*) FROM funds_ledger_entry WHERE fund_id = ?").param(fundId).query(Long.class).single();
	}

	/** The entries of a posting (a reversal negates them). */
	public List<Entry> postingEntries(long postingId) {
		return jdbc.sql("""
				SELECT fund_id, organisation_id, account, purpose, program_code, cycle_id, reference, amount_fen
				FROM funds_ledger_entry WHERE posting_id = ? ORDER BY id""")
			.param(postingId)
			.query((rs, n) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					(Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getLong(8)))
			.list();
	}

	/** A posting's kind and whether it was reversed already. */
	public record PostingRow(long id, String kind, long organisationId, boolean reversed) {
	}

	public Optional<PostingRow> posting(long id) {
		return jdbc.sql("""
				SELECT p.id, p.kind, p.organisation_id, EXISTS (SELECT 1 FROM funds_posting r WHERE r.reverses = p.id)
				FROM funds_posting p WHERE p.id = ?""")
			.param(id)
			.query((rs, n) -> new PostingRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBoolean(4)))
			.optional();
	}

	/** Sum of all entries in the scope (zero when every posting balances). */
	public long total(Scope scope) {
		return jdbc.sql("""
				SELECT coalesce(sum(e.amount_fen), 0) FROM funds_ledger_entry e JOIN organisation o ON o.id = e.organisation_id
				WHERE\s""" + Scope.sql("o.path"))
			.param("scopePath", scope.likePattern())
			.query(Long.class)
			.single();
	}

	static final String SELECT = """
			SELECT e.id, e.posting_id, p.kind, e.posted_on, e.fund_id, e.account, e.purpose, e.program_code, e.cycle_id,
			    e.reference, e.amount_fen, p.memo
			FROM funds_ledger_entry e JOIN funds_posting p ON p.id = e.posting_id""";

	static LedgerEntryView map(ResultSet rs, int n) throws SQLException {
		return new LedgerEntryView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class),
				(Long) rs.getObject(10, Long.class), rs.getLong(11), rs.getString(12));
	}

}
