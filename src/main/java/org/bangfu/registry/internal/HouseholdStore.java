package org.bangfu.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.Vocabulary.Category;
import org.bangfu.registry.Vocabulary.CloseReason;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.Vocabulary.HousingType;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Masking;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the household row: scoped reads, row locks, inserts and updates. */
@Repository
public class HouseholdStore {

	private static final String SELECT = """
			SELECT h.*, o.name AS organisation_name, r.name AS region_name
			FROM registry_household h
			JOIN organisation o ON o.id = h.organisation_id
			LEFT JOIN organisation_region r ON r.code = h.region_code
			""";

	private final JdbcClient jdbc;

	private final MemberStore members;

	private final PersonalDataCipher cipher;

	HouseholdStore(JdbcClient jdbc, MemberStore members, PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.members = members;
		this.cipher = cipher;
	}

	/** The household with its active members, if it exists in the scope. */
	public Optional<HouseholdView> find(Scope scope, long id) {
		return load(scope, id, false);
	}

	/** Like {@link #find} but locks the household row until the transaction ends (serialises changes). */
	public HouseholdView lock(Scope scope, long id) {
		return load(scope, id, true).orElseThrow(() -> BangfuException.notFound("registry.household.notFound", id));
	}

	private Optional<HouseholdView> load(Scope scope, long id, boolean forUpdate) {
		return jdbc.sql(SELECT + " WHERE h.id = :id AND " + Scope.sql("o.path") + (forUpdate ? " FOR UPDATE OF h" : ""))
			.param("id", id)
			.param("scopePath", scope.likePattern())
			.query((rs, n) -> map(rs, members.active(id)))
			.optional();
	}

	public long insert(long organisationId, String regionCode, HouseholdData d, String login) {
		return insert(organisationId, regionCode, d, false, login);
	}

	/** Inserts a filed household, or a draft (status DRAFT, not yet filed). */
	public long insert(long organisationId, String regionCode, HouseholdData d, boolean draft, String login) {
		Map<String, Object> p = params(d, regionCode);
		p.put("status", draft ? HouseholdStatus.DRAFT.name() : HouseholdStatus.FILED.name());
		p.put("org", organisationId);
		p.put("login", login);
		p.put("masked", Masking.account(Rows.blankToNull(d.bankAccount())));
		p.put("accHash", d.bankAccount() == null || d.bankAccount().isBlank() ? null : cipher.hash(d.bankAccount().strip()));
		p.put("accEnc", d.bankAccount() == null || d.bankAccount().isBlank() ? null : cipher.encrypt(d.bankAccount().strip()));
		try {
			return jdbc.sql("""
					INSERT INTO registry_household (organisation_id, region_code, file_no, address, status, main_cause,
					    secondary_causes, categories, housing_type, floor_area, annual_rent, vehicles, savings, business,
					    bank_name, bank_account_masked, bank_account_hash, bank_account_enc, phone, remarks, created_by, updated_by,
					    filed_at)
					VALUES (:org, :region, :fileNo, :address, :status, :mainCause, CAST(:secondary AS text[]),
					    CAST(:categories AS text[]), :housing, :area, :rent, :vehicles, :savings, :business,
					    :bankName, :masked, :accHash, :accEnc, :phone, :remarks, :login, :login,
					    CASE WHEN :status = 'DRAFT' THEN NULL ELSE now() END)
					RETURNING id""").params(p).query(Long.class).single();
		}
		catch (DuplicateKeyException ex) {
			throw BangfuException.badField("fileNo", "registry.fileNo.taken", d.fileNo());
		}
	}

	public void update(HouseholdView before, String regionCode, HouseholdData d, int version, String login) {
		if (before.version() != version) {
			throw new BangfuException(Problem.CONFLICT, "registry.household.stale", before.fileNo());
		}
		Map<String, Object> p = params(d, regionCode);
		p.put("id", before.id());
		p.put("login", login);
		boolean newAccount = d.bankAccount() != null && !d.bankAccount().isBlank();
		p.put("newAccount", newAccount);
		p.put("masked", newAccount ? Masking.account(d.bankAccount().strip()) : null);
		p.put("accHash", newAccount ? cipher.hash(d.bankAccount().strip()) : null);
		p.put("accEnc", newAccount ? cipher.encrypt(d.bankAccount().strip()) : null);
		try {
			jdbc.sql("""
					UPDATE registry_household SET region_code = :region, file_no = :fileNo, address = :address,
					    main_cause = :mainCause, secondary_causes = CAST(:secondary AS text[]),
					    categories = CAST(:categories AS text[]), housing_type = :housing, floor_area = :area,
					    annual_rent = :rent, vehicles = :vehicles, savings = :savings, business = :business,
					    bank_name = :bankName, phone = :phone, remarks = :remarks,
					    bank_account_masked = CASE WHEN :newAccount THEN :masked ELSE bank_account_masked END,
					    bank_account_hash = CASE WHEN :newAccount THEN :accHash ELSE bank_account_hash END,
					    bank_account_enc = CASE WHEN :newAccount THEN :accEnc ELSE bank_account_enc END,
					    version = version + 1, updated_at = now(), updated_by = :login
					WHERE id = :id""").params(p).update();
		}
		catch (DuplicateKeyException ex) {
			throw BangfuException.badField("fileNo", "registry.fileNo.taken", d.fileNo());
		}
	}

	/** Sets FILED or CLOSED (with its reason); an exit date and note are cleared (the history keeps them). */
	public void setStatus(long id, HouseholdStatus status, CloseReason reason, String note, String login) {
		jdbc.sql("""
				UPDATE registry_household SET status = ?, close_reason = ?, close_note = ?, exit_date = NULL,
				    exit_note = NULL, version = version + 1, updated_at = now(), updated_by = ? WHERE id = ?""")
			.params(status.name(), Rows.name(reason), note, login, id)
			.update();
	}

	/** A draft becomes filed now. */
	public void markFiled(long id, String login) {
		jdbc.sql("""
				UPDATE registry_household SET status = 'FILED', filed_at = now(), version = version + 1,
				    updated_at = now(), updated_by = ? WHERE id = ? AND status = 'DRAFT'""")
			.params(login, id)
			.update();
	}

	public void markExited(long id, java.time.LocalDate date, String note, String login) {
		jdbc.sql("""
				UPDATE registry_household SET status = 'EXITED', exit_date = ?, exit_note = ?, version = version + 1,
				    updated_at = now(), updated_by = ? WHERE id = ?""")
			.params(date, Rows.blankToNull(note), login, id)
			.update();
	}

	/** Marks the household as changed (a member change): bumps version and updated stamps. */
	public void touch(long id, String login) {
		jdbc.sql("UPDATE registry_household SET version = version + 1, updated_at = now(), updated_by = ? WHERE id = ?")
			.params(login, id)
			.update();
	}

	private static Map<String, Object> params(HouseholdData d, String regionCode) {
		Map<String, Object> p = new HashMap<>();
		p.put("region", regionCode);
		p.put("fileNo", d.fileNo().strip());
		p.put("address", Rows.blankToNull(d.address()));
		p.put("mainCause", Rows.name(d.mainCause()));
		p.put("secondary", Rows.names(d.secondaryCauses()));
		p.put("categories", Rows.names(d.categories()));
		p.put("housing", Rows.name(d.housingType()));
		p.put("area", d.floorArea());
		p.put("rent", d.annualRent());
		p.put("vehicles", d.vehicles() == null ? 0 : d.vehicles());
		p.put("savings", d.savings());
		p.put("business", Rows.blankToNull(d.business()));
		p.put("bankName", Rows.blankToNull(d.bankName()));
		p.put("phone", Rows.blankToNull(d.phone()));
		p.put("remarks", Rows.blankToNull(d.remarks()));
		return p;
	}

	private static HouseholdView map(ResultSet rs, List<MemberView> members) throws SQLException {
		return new HouseholdView(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("organisation_name"),
				rs.getString("region_code"), rs.getString("region_name"), rs.getString("file_no"),
				rs.getString("address"), Rows.enumOf(HouseholdStatus.class, rs.getString("status")),
				Rows.enumOf(CloseReason.class, rs.getString("close_reason")), rs.getString("close_note"),
				rs.getObject("exit_date", java.time.LocalDate.class), rs.getString("exit_note"), Rows.instant(rs, "filed_at"),
				Rows.enumOf(HardshipCause.class, rs.getString("main_cause")),
				Rows.enums(HardshipCause.class, rs, "secondary_causes"), Rows.enums(Category.class, rs, "categories"),
				Rows.enumOf(HousingType.class, rs.getString("housing_type")), rs.getBigDecimal("floor_area"),
				rs.getBigDecimal("annual_rent"), rs.getInt("vehicles"), rs.getBigDecimal("savings"),
				rs.getString("business"), rs.getString("bank_name"), rs.getString("bank_account_masked"),
				rs.getString("phone"), rs.getString("remarks"), rs.getInt("version"), Rows.instant(rs, "created_at"),
				rs.getString("created_by"), Rows.instant(rs, "updated_at"), rs.getString("updated_by"), members);
	}

	/**
	 * Several households (any organisation) with their active members, head first, in two
	 * queries: for bulk work such as an import, which checks the scope itself.
	 */
	public Map<Long, HouseholdView> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Long[] array = ids.toArray(Long[]::new);
		Map<Long, java.util.List<MemberView>> byHousehold = new HashMap<>();
		jdbc.sql("""
				SELECT * FROM registry_member WHERE household_id = ANY (CAST(:ids AS bigint[])) AND active
				ORDER BY household_id, (relation = 'HEAD') DESC, birth_date, id""")
			.param("ids", array)
			.query(rs -> {
				byHousehold.computeIfAbsent(rs.getLong("household_id"), k -> new java.util.ArrayList<>())
					.add(MemberStore.map(rs));
			});
		Map<Long, HouseholdView> found = new HashMap<>();
		jdbc.sql(SELECT + " WHERE h.id = ANY (CAST(:ids AS bigint[]))")
			.param("ids", array)
			.query(rs -> {
				long id = rs.getLong("id");
				found.put(id, map(rs, List.copyOf(byHousehold.getOrDefault(id, List.of()))));
			});
		return found;
	}

}
