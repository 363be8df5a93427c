package org.bangfu.pairing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.pairing.AgreementView;
import org.bangfu.pairing.AgreementView.Clause;
import org.bangfu.pairing.AssistanceCommands.AddMeasure;
import org.bangfu.pairing.AssistanceCommands.ClauseData;
import org.bangfu.pairing.LedgerConfirmation;
import org.bangfu.pairing.MeasureView;
import org.bangfu.pairing.PairingVocabulary.ClauseStatus;
import org.bangfu.pairing.PairingVocabulary.MeasureStatus;
import org.bangfu.pairing.PairingVocabulary.MeasureType;
import org.bangfu.pairing.PairingVocabulary.SignedHow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Measures, agreements with clauses, and the head's ledger confirmations. */
@Component
public class AssistanceStore {

	private final JdbcClient jdbc;

	AssistanceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insertMeasure(AddMeasure m, long organisationId, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_measure (household_id, organisation_id, visit_id, type, before_state, target_after, owner,
				  due_on, created_by, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(m.householdId(), organisationId, m.visitId(), m.type().name(), m.beforeState().trim(),
					m.targetAfter().trim(), m.owner().trim(), m.dueOn(), by, by)
			.query(Long.class)
			.single();
	}

	public void updateMeasure(long id, MeasureStatus status, String result, String by) {
		jdbc.sql("UPDATE pairing_measure SET status = ?, result = ?, updated_at = now(), updated_by = ? WHERE id = ?")
			.params(status.name(), result, by, id)
			.update();
	}

	public Optional<MeasureView> measure(long id) {
		return jdbc.sql("SELECT * FROM pairing_measure WHERE id = ?").param(id).query(AssistanceStore::measure).optional();
	}

	public List<MeasureView> measures(long householdId) {
		return jdbc.sql("SELECT * FROM pairing_measure WHERE household_id = ? ORDER BY created_at, id")
			.param(householdId)
			.query(AssistanceStore::measure)
			.list();
	}

	public long insertAgreement(long householdId, long organisationId, String title, LocalDate from, LocalDate to,
			List<ClauseData> clauses, String by) {
		long id = jdbc.sql("""
				INSERT INTO pairing_agreement (household_id, organisation_id, title, period_from, period_to, created_by)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, organisationId, title.trim(), from, to, by)
			.query(Long.class)
			.single();
		int pos = 1;
		for (ClauseData c : clauses) {
			jdbc.sql("INSERT INTO pairing_agreement_clause (agreement_id, position, text, owner, due_on) VALUES (?, ?, ?, ?, ?)")
				.params(id, pos++, c.text().trim(), c.owner().trim(), c.dueOn())
				.update();
		}
		return id;
	}

	public boolean sign(long agreementId, SignedHow how, String headName, String file, String fileType, String by) {
		return jdbc.sql("""
				UPDATE pairing_agreement SET signed_how = ?, signed_by_head = ?, signed_at = now(), signed_recorded_by = ?,
				  signed_file = ?, signed_file_type = ? WHERE id = ? AND signed_how IS NULL""")
			.params(how.name(), headName, by, file, fileType, agreementId)
			.update() == 1;
	}

	public void setClauseStatus(long clauseId, ClauseStatus status, LocalDate doneOn) {
		jdbc.sql("UPDATE pairing_agreement_clause SET status = ?, done_on = ? WHERE id = ?")
			.params(status.name(), doneOn, clauseId)
			.update();
	}

	/** The agreement id of a clause. */
	public Optional<Long> agreementOfClause(long clauseId) {
		return jdbc.sql("SELECT agreement_id FROM pairing_agreement_clause WHERE id = ?").param(clauseId).query(Long.class).optional();
	}

	public Optional<String[]> signedFile(long agreementId) {
		return jdbc.sql("SELECT signed_file, signed_file_type FROM pairing_agreement WHERE id = ? AND signed_file IS NOT NULL")
			.param(agreementId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	public Optional<AgreementView> agreement(long id) {
		return withClauses(jdbc.sql("SELECT * FROM pairing_agreement WHERE id = ?").param(id).query(AssistanceStore::agreement).list())
			.stream()
			.findFirst();
	}

	public List<AgreementView> agreements(long householdId) {
		return withClauses(jdbc.sql("SELECT * FROM pairing_agreement WHERE household_id = ? ORDER BY period_from, id")
			.param(householdId)
			.query(AssistanceStore::agreement)
			.list());
	}

	public long insertConfirmation(long householdId, LocalDate from, LocalDate to, String head, String note, String by) {
		return jdbc.sql("""
				INSERT INTO pairing_ledger_confirmation (household_id, period_from, period_to, head_name, note, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, from, to, head, note, by)
			.query(Long.class)
			.single();
	}

	public List<LedgerConfirmation> confirmations(long householdId) {
		return jdbc.sql("""
				SELECT id, period_from, period_to, head_name, note, confirmed_at, recorded_by
				FROM pairing_ledger_confirmation WHERE household_id = ? ORDER BY period_from, id""")
			.param(householdId)
			.query(LedgerConfirmation.class)
			.list();
	}

	private List<AgreementView> withClauses(List<AgreementView> list) {
		if (list.isEmpty()) {
			return list;
		}
		Map<Long, List<Clause>> clauses = new HashMap<>();
		jdbc.sql("SELECT * FROM pairing_agreement_clause WHERE agreement_id IN (:ids) ORDER BY position")
			.param("ids", list.stream().map(AgreementView::id).toList())
			.query((rs, n) -> {
				clauses.computeIfAbsent(rs.getLong("agreement_id"), k -> new ArrayList<>())
					.add(new Clause(rs.getLong("id"), rs.getInt("position"), rs.getString("text"), rs.getString("owner"),
							rs.getObject("due_on", LocalDate.class), ClauseStatus.valueOf(rs.getString("status")),
							rs.getObject("done_on", LocalDate.class)));
				return null;
			})
			.list();
		return list.stream()
			.map(a -> new AgreementView(a.id(), a.householdId(), a.title(), a.periodFrom(), a.periodTo(), a.signedHow(),
					a.signedByHead(), a.signedAt(), a.signedRecordedBy(), a.hasSignedFile(), clauses.getOrDefault(a.id(), List.of())))
			.toList();
	}

	private static MeasureView measure(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new MeasureView(rs.getLong("id"), rs.getLong("household_id"), (Long) rs.getObject("visit_id"),
				MeasureType.valueOf(rs.getString("type")), rs.getString("before_state"), rs.getString("target_after"),
				rs.getString("owner"), rs.getObject("due_on", LocalDate.class), MeasureStatus.valueOf(rs.getString("status")),
				rs.getString("result"));
	}

	private static AgreementView agreement(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String how = rs.getString("signed_how");
		java.sql.Timestamp at = rs.getTimestamp("signed_at");
		Instant signedAt = at == null ? null : at.toInstant();
		return new AgreementView(rs.getLong("id"), rs.getLong("household_id"), rs.getString("title"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				how == null ? null : SignedHow.valueOf(how), rs.getString("signed_by_head"), signedAt,
				rs.getString("signed_recorded_by"), rs.getString("signed_file") != null, List.of());
	}

}
