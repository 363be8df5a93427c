package org.bangfu.funds.internal;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.funds.DonationView;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for donations received; an anonymous donor's name never leaves this class. */
@Repository
public class DonationStore {

	private final JdbcClient jdbc;

	DonationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A donation to insert, with its posting. */
	public record Row(long fundId, String donorKind, String donorName, boolean anonymous, String form, String goods,
			long amountFen, LocalDate receivedOn, String purpose, String receiptNo, long postingId) {
	}

	public boolean receiptTaken(long fundId, String receiptNo) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM funds_donation WHERE fund_id = ? AND receipt_no = ?)")
			.params(fundId, receiptNo)
			.query(Boolean.class)
			.single();
	}

	public long insert(Row r, String login) {
		return jdbc.sql("""
				INSERT INTO funds_donation (fund_id, donor_kind, donor_name, anonymous, form, goods, amount_fen, received_on,
				    purpose, receipt_no, posting_id, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(r.fundId(), r.donorKind(), r.donorName(), r.anonymous(), r.form(), r.goods(), r.amountFen(), r.receivedOn(),
					r.purpose(), r.receiptNo(), r.postingId(), login)
			.query(Long.class)
			.single();
	}

	public List<DonationView> list(Scope scope, Long fundId, int offset, int limit) {
		return jdbc.sql("""
				SELECT d.id, d.fund_id, f.name, d.donor_kind, CASE WHEN d.anonymous THEN NULL ELSE d.donor_name END, d.anonymous,
				    d.form, d.goods, d.amount_fen, d.received_on, d.purpose, d.receipt_no, d.posting_id
				FROM funds_donation d JOIN funds_fund f ON f.id = d.fund_id JOIN organisation o ON o.id = f.organisation_id
				WHERE (CAST(:fund AS BIGINT) IS NULL OR d.fund_id = :fund) AND\s""" + Scope.sql("o.path") + " ORDER BY d.received_on DESC, d.id DESC OFFSET :offset LIMIT :limit")
			.param("fund", fundId)
			.param("scopePath", scope.likePattern())
			.param("offset", offset)
			.param("limit", limit)
			.query((rs, n) -> new DonationView(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getLong(9),
					rs.getObject(10, LocalDate.class), rs.getString(11), rs.getString(12), rs.getLong(13)))
			.list();
	}

}
