package org.bangfu.registry.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.bangfu.platform.db.CopyIn;
import org.bangfu.registry.internal.PersonalDataCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** COPY inserts of imported members and their claims on a household (one person, one active household). */
@Component
class MemberRows {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final DataSource dataSource;

	MemberRows(JdbcClient jdbc, PersonalDataCipher cipher, DataSource dataSource) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.dataSource = dataSource;
	}

	/** A member to insert into a household. */
	record NewMember(long householdId, Candidate.Member member, String hash) {
	}

	/** Inserts the members with one COPY; returns their ids, in the order given. */
	List<Long> insert(List<NewMember> members, Instant now) {
		if (members.isEmpty()) {
			return List.of();
		}
		long[] ids = CopyIn.nextValues(jdbc, "registry_member_id_seq", members.size());
		CopyIn rows = new CopyIn("registry_member", "id", "household_id", "name", "id_number_hash", "id_number_enc",
				"id_number_masked", "birth_date", "sex", "relation", "employment", "employer", "phone", "income_wage",
				"income_pension", "health", "disability_grade", "schooling", "categories", "created_at", "updated_at");
		List<Long> out = new ArrayList<>(members.size());
		for (int i = 0; i < members.size(); i++) {
			NewMember n = members.get(i);
			var d = n.member().data();
			var id = n.member().id();
			rows.row(ids[i], n.householdId(), d.name(), n.hash(), cipher.encrypt(id.value()), id.masked(), id.birthDate(),
					id.sex(), d.relation(), d.employment(), d.employer(), d.phone(), zero(d.wage()), zero(d.pension()),
					d.health() == null ? "HEALTHY" : d.health(), d.disabilityGrade(), d.schooling(),
					d.categories() == null ? List.of() : d.categories(), now, now);
			out.add(ids[i]);
		}
		rows.into(dataSource);
		return out;
	}

	/**
	 * Claims the members' persons for their households with one COPY, in hash order (two imports
	 * lock the same people in the same order and cannot deadlock); a person claimed meanwhile
	 * means {@link ImportWriter.Retry}.
	 */
	void claim(List<NewMember> members, List<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return;
		}
		Integer[] order = new Integer[members.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order, java.util.Comparator.comparing(i -> members.get(i).hash()));
		CopyIn rows = new CopyIn("registry_person", "id_number_hash", "member_id", "household_id");
		for (int i : order) {
			rows.row(members.get(i).hash(), memberIds.get(i), members.get(i).householdId());
		}
		try {
			rows.into(dataSource);
		}
		catch (DuplicateKeyException ex) {
			throw new ImportWriter.Retry("a person was claimed concurrently");
		}
	}

	private static Object zero(Object amount) {
		return amount == null ? java.math.BigDecimal.ZERO : amount;
	}

}
