package org.bangfu.exits.internal;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What was done with proposals (a case opened, a dismissal) and the causes marked resolved. */
@Component
public class ProposalActionStore {

	private final JdbcClient jdbc;

	ProposalActionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(long householdId, String kind, Long caseId, String reason, String months, LocalDate on, String by) {
		jdbc.sql("""
				INSERT INTO exits_proposal_action (household_id, kind, case_id, reason, months, acted_on, acted_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(householdId, kind, caseId, reason, months, on, by)
			.update();
	}

	/** Marks a cause resolved (again: the newer note and date replace the older). */
	public void resolve(long householdId, String cause, LocalDate on, String note, String by) {
		jdbc.sql("""
				INSERT INTO exits_cause_resolution (household_id, cause, resolved_on, note, resolved_by) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (household_id, cause) DO UPDATE SET resolved_on = EXCLUDED.resolved_on, note = EXCLUDED.note,
				    resolved_by = EXCLUDED.resolved_by""")
			.params(householdId, cause, on, note, by)
			.update();
	}

}
