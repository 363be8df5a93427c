package org.bangfu.registry.internal;

import java.util.List;
import java.util.Optional;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One person in at most one active household, nationwide: the small {@code registry_person}
 * table keyed by the ID number's keyed hash. A claim that meets an existing (or concurrent,
 * committed) claim fails. The message names the household that holds the person only when the
 * user's scope covers it (the household being changed is in scope already); otherwise it says
 * only that the person is in another active household and how to ask for a transfer, so that
 * filing cannot be used to learn where someone outside one's scope lives.
 */
@Repository
public class PersonClaims {

	private final JdbcClient jdbc;

	PersonClaims(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims the person for the member; fails with CONFLICT (naming the holding household when in scope). */
	public void claim(Scope scope, String hash, long memberId, long householdId, String maskedIdNumber) {
		int inserted = jdbc.sql("""
				INSERT INTO registry_person (id_number_hash, member_id, household_id) VALUES (?, ?, ?)
				ON CONFLICT (id_number_hash) DO NOTHING""")
			.params(hash, memberId, householdId)
			.update();
		if (inserted == 0) {
			throw conflict(scope, hash, maskedIdNumber);
		}
	}

	/** Claims every active member of a reopened household, or fails naming the first one already held elsewhere. */
	public void claimAll(Scope scope, long householdId) {
		List<Object[]> taken = jdbc.sql("""
				SELECT m.id_number_hash, m.id_number_masked FROM registry_member m
				WHERE m.household_id = ? AND m.active
				  AND EXISTS (SELECT 1 FROM registry_person p WHERE p.id_number_hash = m.id_number_hash)""")
			.param(householdId)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2) })
			.list();
		if (!taken.isEmpty()) {
			throw conflict(scope, (String) taken.get(0)[0], (String) taken.get(0)[1]);
		}
		int expected = jdbc.sql("SELECT count(*) FROM registry_member WHERE household_id = ? AND active")
			.param(householdId).query(Integer.class).single();
		int inserted = jdbc.sql("""
				INSERT INTO registry_person (id_number_hash, member_id, household_id)
				SELECT id_number_hash, id, household_id FROM registry_member WHERE household_id = ? AND active
				ON CONFLICT (id_number_hash) DO NOTHING""").param(householdId).update();
		if (inserted != expected) {
			throw new BangfuException(Problem.CONFLICT, "registry.member.concurrentClaim");
		}
	}

	public void release(long memberId) {
		jdbc.sql("DELETE FROM registry_person WHERE member_id = ?").param(memberId).update();
	}

	public void releaseAll(long householdId) {
		jdbc.sql("DELETE FROM registry_person WHERE household_id = ?").param(householdId).update();
	}

	private BangfuException conflict(Scope scope, String hash, String masked) {
		Optional<String[]> where = jdbc.sql("""
				SELECT o.path, o.name || ' ' || h.file_no FROM registry_person p
				JOIN registry_household h ON h.id = p.household_id
				JOIN organisation o ON o.id = h.organisation_id
				WHERE p.id_number_hash = ?""").param(hash)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).optional();
		if (where.isPresent() && scope != null && scope.contains(where.get()[0])) {
			return new BangfuException(Problem.CONFLICT, "registry.member.inOtherHousehold", masked, where.get()[1]);
		}
		return new BangfuException(Problem.CONFLICT, "registry.member.inHouseholdOutOfScope", masked);
	}

}
