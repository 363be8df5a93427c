package org.bangfu.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.Employment;
import org.bangfu.registry.Vocabulary.Health;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.Vocabulary.Schooling;
import org.bangfu.shared.IdNumber;
import org.bangfu.shared.IdNumber.Sex;
import org.bangfu.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for members. The one-household-per-person rule lives in {@link PersonClaims}. */
@Repository
public class MemberStore {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	MemberStore(JdbcClient jdbc, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/** Active members, head first. */
	public List<MemberView> active(long householdId) {
		return jdbc.sql("""
				SELECT * FROM registry_member WHERE household_id = ? AND active
				ORDER BY (relation = 'HEAD') DESC, birth_date, id""")
			.param(householdId)
			.query((rs, n) -> map(rs))
			.list();
	}

	public long insert(long householdId, MemberData d, IdNumber id) {
		Map<String, Object> p = params(d, id);
		p.put("household", householdId);
		return jdbc.sql("""
				INSERT INTO registry_member (household_id, name, id_number_hash, id_number_enc, id_number_masked,
				    birth_date, sex, relation, ethnicity, marital_status, hukou_type, employment, employer, phone,
				    income_wage, income_business, income_property, income_transfer, income_pension, health, disease,
				    disability_kind, disability_grade, schooling, school, medical_insurance, categories)
				VALUES (:household, :name, :hash, :enc, :masked, :birth, :sex, :relation, :ethnicity, :marital, :hukou,
				    :employment, :employer, :phone, :wage, :business, :property, :transfer, :pension, :health, :disease,
				    :disabilityKind, :disabilityGrade, :schooling, :school, :insurance, CAST(:categories AS text[]))
				RETURNING id""").params(p).query(Long.class).single();
	}

	public void update(long memberId, MemberData d, IdNumber id) {
		Map<String, Object> p = params(d, id);
		p.put("id", memberId);
		jdbc.sql("""
				UPDATE registry_member SET name = :name, id_number_hash = :hash, id_number_enc = :enc,
				    id_number_masked = :masked, birth_date = :birth, sex = :sex, relation = :relation,
				    ethnicity = :ethnicity, marital_status = :marital, hukou_type = :hukou, employment = :employment,
				    employer = :employer, phone = :phone, income_wage = :wage, income_business = :business,
				    income_property = :property, income_transfer = :transfer, income_pension = :pension,
				    health = :health, disease = :disease, disability_kind = :disabilityKind,
				    disability_grade = :disabilityGrade, schooling = :schooling, school = :school,
				    medical_insurance = :insurance, categories = CAST(:categories AS text[]), updated_at = now()
				WHERE id = :id""").params(p).update();
	}

	public void setRelation(long memberId, Relation relation) {
		jdbc.sql("UPDATE registry_member SET relation = ?, updated_at = now() WHERE id = ?")
			.params(relation.name(), memberId)
			.update();
	}

	/** Ends a membership; the row stays for history. */
	public void deactivate(long memberId) {
		jdbc.sql("UPDATE registry_member SET active = FALSE, updated_at = now() WHERE id = ?").param(memberId).update();
	}

	/** Copies a member (all facts, encrypted ID number included) into another household with a new relation. */
	public long copyInto(long memberId, long householdId, Relation relation) {
		return jdbc.sql("""
				INSERT INTO registry_member (household_id, name, id_number_hash, id_number_enc, id_number_masked,
				    birth_date, sex, relation, ethnicity, marital_status, hukou_type, employment, employer, phone,
				    income_wage, income_business, income_property, income_transfer, income_pension, health, disease,
				    disability_kind, disability_grade, schooling, school, medical_insurance, categories)
				SELECT ?, name, id_number_hash, id_number_enc, id_number_masked, birth_date, sex, ?, ethnicity,
				    marital_status, hukou_type, employment, employer, phone, income_wage, income_business,
				    income_property, income_transfer, income_pension, health, disease, disability_kind,
				    disability_grade, schooling, school, medical_insurance, categories
				FROM registry_member WHERE id = ?
				RETURNING id""").params(householdId, relation.name(), memberId).query(Long.class).single();
	}

	/** How many active members of the household have this ID number hash. */
	public int activeWithHash(long householdId, String hash) {
		return jdbc.sql("SELECT count(*) FROM registry_member WHERE household_id = ? AND id_number_hash = ? AND active")
			.params(householdId, hash)
			.query(Integer.class)
			.single();
	}

	public String hashOf(long memberId) {
		return jdbc.sql("SELECT id_number_hash FROM registry_member WHERE id = ?").param(memberId).query(String.class).single();
	}

	/** The stored ID number, for re-saving a member unchanged (never shown, so not a reveal). */
	public String storedIdNumber(long memberId) {
		return cipher.decrypt(jdbc.sql("SELECT id_number_enc FROM registry_member WHERE id = ?").param(memberId)
			.query(String.class).single());
	}

	/** The full ID number of an active member of a household in scope. */
	public Optional<String> revealIdNumber(Scope scope, long householdId, long memberId) {
		return jdbc.sql("""
				SELECT m.id_number_enc FROM registry_member m
				JOIN registry_household h ON h.id = m.household_id
				JOIN organisation o ON o.id = h.organisation_id
				WHERE m.id = :member AND m.household_id = :household AND\s""" + Scope.sql("o.path"))
			.param("member", memberId)
			.param("household", householdId)
			.param("scopePath", scope.likePattern())
			.query(String.class)
			.optional()
			.map(cipher::decrypt);
	}

	/**
	 * Full ID numbers for a payment file: of the active heads of the given households (by household
	 * id) and of the given members (by member id), within the scope; unknown ids are left out.
	 */
	public Map<Long, String> idNumbersForPayment(Scope scope, java.util.Collection<Long> ids, boolean heads) {
		Map<Long, String> out = new HashMap<>();
		List<Long> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
			String key = heads ? "m.household_id" : "m.id";
			String where = heads ? "m.household_id IN (:ids) AND m.relation = 'HEAD' AND m.active" : "m.id IN (:ids)";
			jdbc.sql("SELECT " + key + " AS k, m.id_number_enc FROM registry_member m "
					+ "JOIN registry_household h ON h.id = m.household_id JOIN organisation o ON o.id = h.organisation_id "
					+ "WHERE " + where + " AND " + Scope.sql("o.path"))
				.param("ids", chunk)
				.param("scopePath", scope.likePattern())
				.query((rs, n) -> out.put(rs.getLong("k"), cipher.decrypt(rs.getString("id_number_enc"))))
				.list();
		}
		return out;
	}

	private Map<String, Object> params(MemberData d, IdNumber id) {
		Map<String, Object> p = new HashMap<>();
		p.put("name", d.name().strip());
		p.put("hash", cipher.hash(id.value()));
		p.put("enc", cipher.encrypt(id.value()));
		p.put("masked", id.masked());
		p.put("birth", id.birthDate());
		p.put("sex", id.sex().name());
		p.put("relation", d.relation().name());
		p.put("ethnicity", Rows.blankToNull(d.ethnicity()));
		p.put("marital", Rows.blankToNull(d.maritalStatus()));
		p.put("hukou", Rows.blankToNull(d.hukouType()));
		p.put("employment", Rows.name(d.employment()));
		p.put("employer", Rows.blankToNull(d.employer()));
		p.put("phone", Rows.blankToNull(d.phone()));
		p.put("wage", zero(d.wage()));
		p.put("business", zero(d.businessIncome()));
		p.put("property", zero(d.propertyIncome()));
		p.put("transfer", zero(d.transferIncome()));
		p.put("pension", zero(d.pension()));
		p.put("health", d.health() == null ? Health.HEALTHY.name() : d.health().name());
		p.put("disease", Rows.blankToNull(d.disease()));
		p.put("disabilityKind", Rows.blankToNull(d.disabilityKind()));
		p.put("disabilityGrade", d.disabilityGrade());
		p.put("schooling", Rows.name(d.schooling()));
		p.put("school", Rows.blankToNull(d.school()));
		p.put("insurance", Rows.blankToNull(d.medicalInsurance()));
		p.put("categories", Rows.names(d.categories()));
		return p;
	}

	private static java.math.BigDecimal zero(java.math.BigDecimal v) {
		return v == null ? java.math.BigDecimal.ZERO : v;
	}

	static MemberView map(ResultSet rs) throws SQLException {
		return new MemberView(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
				rs.getObject("birth_date", java.time.LocalDate.class), Sex.valueOf(rs.getString("sex")),
				Relation.valueOf(rs.getString("relation")), rs.getString("ethnicity"), rs.getString("marital_status"),
				rs.getString("hukou_type"), Rows.enumOf(Employment.class, rs.getString("employment")),
				rs.getString("employer"), rs.getString("phone"), rs.getBigDecimal("income_wage"),
				rs.getBigDecimal("income_business"), rs.getBigDecimal("income_property"),
				rs.getBigDecimal("income_transfer"), rs.getBigDecimal("income_pension"),
				Health.valueOf(rs.getString("health")), rs.getString("disease"), rs.getString("disability_kind"),
				Rows.integer(rs, "disability_grade"), Rows.enumOf(Schooling.class, rs.getString("schooling")),
				rs.getString("school"), rs.getString("medical_insurance"), Rows.enums(Category.class, rs, "categories"));
	}

}
