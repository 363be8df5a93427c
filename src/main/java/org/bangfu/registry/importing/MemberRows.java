package org.bangfu.registry.importing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bangfu.registry.internal.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Set-based inserts of imported members and their claims on a household (one person, one active household). */
@Component
class MemberRows {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	MemberRows(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** A member to insert into a household. */
	record NewMember(long householdId, Candidate.Member member, String hash) {
	}

	/** Inserts the members; returns their ids. */
	List<Long> insert(List<NewMember> members, Instant now) {
		if (members.isEmpty()) {
			return List.of();
		}
		Columns v = new Columns(members.size());
		for (int i = 0; i < members.size(); i++) {
			NewMember n = members.get(i);
			var d = n.member().data();
			var id = n.member().id();
			v.set("household", i, n.householdId());
			v.set("name", i, d.name());
			v.set("hash", i, n.hash());
			v.set("enc", i, cipher.encrypt(id.value()));
			v.set("masked", i, id.masked());
			v.set("birth", i, id.birthDate());
			v.set("sex", i, id.sex().name());
			v.set("relation", i, d.relation().name());
			v.set("employment", i, ImportWriter.name(d.employment()));
			v.set("employer", i, d.employer());
			v.set("phone", i, d.phone());
			v.set("wage", i, d.wage());
			v.set("pension", i, d.pension());
			v.set("health", i, ImportWriter.name(d.health()));
			v.set("grade", i, d.disabilityGrade());
			v.set("schooling", i, ImportWriter.name(d.schooling()));
			v.set("categories", i, ImportWriter.names(d.categories()));
		}
		Map<String, Object> p = v.params();
		p.put("now", java.sql.Timestamp.from(now));
		return jdbc.sql("""
				INSERT INTO registry_member (household_id, name, id_number_hash, id_number_enc, id_number_masked, birth_date,
				    sex, relation, employment, employer, phone, income_wage, income_pension, health, disability_grade,
				    schooling, categories, created_at, updated_at)
				SELECT CAST(v.household AS bigint), v.name, v.hash, v.enc, v.masked, CAST(v.birth AS date), v.sex,
				    v.relation, v.employment, v.employer, v.phone, CAST(v.wage AS numeric), CAST(v.pension AS numeric),
				    v.health, CAST(v.grade AS smallint), v.schooling, string_to_array(v.categories, ','), :now, :now
				FROM\s""" + v.from() + " RETURNING id").params(p).query(Long.class).list();
	}

	/**
	 * Claims the members' persons for their households, in hash order (two imports lock the same
	 * people in the same order and cannot deadlock); a person claimed meanwhile means {@link Retry}.
	 */
	void claim(List<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return;
		}
		int claimed = jdbc.sql("""
				INSERT INTO registry_person (id_number_hash, member_id, household_id)
				SELECT m.id_number_hash, m.id, m.household_id FROM registry_member m
				WHERE m.id = ANY (CAST(:ids AS bigint[])) ORDER BY m.id_number_hash
				ON CONFLICT (id_number_hash) DO NOTHING""")
			.param("ids", memberIds.toArray(Long[]::new))
			.update();
		if (claimed != memberIds.size()) {
			throw new ImportWriter.Retry("a person was claimed concurrently");
		}
	}

}
