package org.bangfu.registry.importing;

import static org.bangfu.registry.TemplateColumn.ANNUAL_RENT;
import static org.bangfu.registry.TemplateColumn.BANK_ACCOUNT;
import static org.bangfu.registry.TemplateColumn.BANK_NAME;
import static org.bangfu.registry.TemplateColumn.CATEGORIES;
import static org.bangfu.registry.TemplateColumn.DISABILITY_GRADE;
import static org.bangfu.registry.TemplateColumn.EMPLOYER;
import static org.bangfu.registry.TemplateColumn.EMPLOYMENT;
import static org.bangfu.registry.TemplateColumn.HARDSHIP_CAUSES;
import static org.bangfu.registry.TemplateColumn.HEALTH;
import static org.bangfu.registry.TemplateColumn.HOUSEHOLD_REF;
import static org.bangfu.registry.TemplateColumn.HOUSING;
import static org.bangfu.registry.TemplateColumn.MONTHLY_INCOME;
import static org.bangfu.registry.TemplateColumn.PHONE;
import static org.bangfu.registry.TemplateColumn.SAVINGS;
import static org.bangfu.registry.TemplateColumn.SCHOOLING;
import static org.bangfu.registry.TemplateColumn.VEHICLES;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bangfu.registry.HouseholdCommands.HouseholdData;
import org.bangfu.registry.HouseholdCommands.MemberData;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.Vocabulary.Relation;
import org.bangfu.registry.internal.ChangeLog;
import org.bangfu.registry.internal.HouseholdStore;
import org.bangfu.registry.internal.PersonalDataCipher;
import org.bangfu.shared.Masking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Update existing": the file's household replaces what the register holds in the columns the
 * file has (a column missing from the file, and an empty bank account, keep the stored value).
 * Members are matched by ID number: matched ones are updated, new ones added, those no longer in
 * the file leave the household (their history stays). A household the file does not change is
 * left alone and reported as unchanged. Every change is one history entry with before and after.
 * An income that still adds up to the file's 月收入 keeps its breakdown into wage, pension etc.
 */
@Component
class ImportUpdates {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final HouseholdStore store;

	private final ChangeLog changes;

	private final MemberRows memberRows;

	ImportUpdates(JdbcClient jdbc, PersonalDataCipher cipher, HouseholdStore store, ChangeLog changes,
			MemberRows memberRows) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.store = store;
		this.changes = changes;
		this.memberRows = memberRows;
	}

	/** A stored member: id and ID number hash. */
	private record Stored(long id, String hash) {
	}

	List<Long> update(ImportWriter.Target target, Map<Candidate, ImportWriter.Existing> households,
			Map<Candidate.Member, String> hashes, Instant now, ImportWriter.Outcome out) {
		if (households.isEmpty()) {
			return List.of();
		}
		List<Long> ids = households.values().stream().map(ImportWriter.Existing::id).sorted().toList();
		Map<Long, String> accountHashes = new HashMap<>();
		jdbc.sql("SELECT id, bank_account_hash FROM registry_household WHERE id = ANY (CAST(:ids AS bigint[])) "
				+ "ORDER BY id FOR UPDATE")
			.param("ids", ids.toArray(Long[]::new))
			.query(rs -> {
				accountHashes.put(rs.getLong(1), rs.getString(2));
			});
		Map<Long, HouseholdView> before = store.findAll(ids);
		Map<Long, List<Stored>> stored = new HashMap<>();
		jdbc.sql("SELECT id, household_id, id_number_hash FROM registry_member "
				+ "WHERE household_id = ANY (CAST(:ids AS bigint[])) AND active")
			.param("ids", ids.toArray(Long[]::new))
			.query(rs -> {
				stored.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Stored(rs.getLong(1), rs.getString(3)));
			});
		Set<TemplateColumn> present = target.present();
		List<Change> changed = new ArrayList<>();
		for (var e : households.entrySet()) {
			Candidate c = e.getKey();
			HouseholdView b = before.get(e.getValue().id());
			if (b == null || b.closed()) {
				out.reject(c, RowProblem.of(c.headRow(), HOUSEHOLD_REF, "imports.household.closed", c.ref));
				continue;
			}
			Change change = new Change(c, b, accountHashes.get(b.id()), stored.getOrDefault(b.id(), List.of()), hashes,
					present);
			if (change.changes()) {
				changed.add(change);
				out.updated.add(c);
			}
			else {
				out.unchanged.add(c);
			}
		}
		if (changed.isEmpty()) {
			return List.of();
		}
		updateHouseholds(target, changed, now);
		List<Long> leaving = changed.stream().flatMap(ch -> ch.leaving.stream()).toList();
		if (!leaving.isEmpty()) {
			jdbc.sql("UPDATE registry_member SET active = FALSE, updated_at = :now WHERE id = ANY (CAST(:ids AS bigint[]))")
				.param("now", java.sql.Timestamp.from(now))
				.param("ids", leaving.toArray(Long[]::new))
				.update();
			jdbc.sql("DELETE FROM registry_person WHERE member_id = ANY (CAST(:ids AS bigint[]))")
				.param("ids", leaving.toArray(Long[]::new))
				.update();
		}
		updateMembers(changed, present, now, false);
		updateMembers(changed, present, now, true);
		List<MemberRows.NewMember> joining = new ArrayList<>();
		for (Change ch : changed) {
			for (Candidate.Member m : ch.joining) {
				joining.add(new MemberRows.NewMember(ch.before.id(), m, hashes.get(m)));
			}
		}
		memberRows.claim(joining, memberRows.insert(joining, now));
		List<Long> changedIds = changed.stream().map(ch -> ch.before.id()).toList();
		Map<Long, HouseholdView> after = store.findAll(changedIds);
		changes.recordAll(changed.stream().map(ch -> ch.before).toList(), changedIds.stream().map(after::get).toList(),
				"import.update", target.login(), now);
		return changedIds;
	}

	private void updateHouseholds(ImportWriter.Target target, List<Change> changed, Instant now) {
		Set<TemplateColumn> present = target.present();
		Columns v = new Columns(changed.size());
		for (int i = 0; i < changed.size(); i++) {
			HouseholdData h = changed.get(i).file.household;
			v.set("id", i, changed.get(i).before.id());
			v.set("region", i, h.regionCode());
			v.set("main", i, ImportWriter.name(h.mainCause()));
			v.set("secondary", i, ImportWriter.names(h.secondaryCauses()));
			v.set("housing", i, ImportWriter.name(h.housingType()));
			v.set("rent", i, h.annualRent());
			v.set("vehicles", i, h.vehicles());
			v.set("savings", i, h.savings());
			v.set("bank_name", i, h.bankName());
			String account = h.bankAccount();
			v.set("acc_masked", i, account == null ? null : Masking.account(account));
			v.set("acc_hash", i, account == null ? null : cipher.hash(account));
			v.set("acc_enc", i, account == null ? null : cipher.encrypt(account));
			v.set("phone", i, h.phone());
		}
		StringBuilder set = new StringBuilder("region_code = v.region");
		if (present.contains(HARDSHIP_CAUSES)) {
			set.append(", main_cause = v.main, secondary_causes = string_to_array(v.secondary, ',')");
		}
		if (present.contains(HOUSING)) {
			set.append(", housing_type = v.housing");
		}
		if (present.contains(ANNUAL_RENT)) {
			set.append(", annual_rent = CAST(v.rent AS numeric)");
		}
		if (present.contains(VEHICLES)) {
			set.append(", vehicles = CAST(v.vehicles AS integer)");
		}
		if (present.contains(SAVINGS)) {
			set.append(", savings = CAST(v.savings AS numeric)");
		}
		if (present.contains(BANK_NAME)) {
			set.append(", bank_name = v.bank_name");
		}
		if (present.contains(PHONE)) {
			set.append(", phone = v.phone");
		}
		set.append(", bank_account_masked = coalesce(v.acc_masked, h.bank_account_masked)")
			.append(", bank_account_hash = coalesce(v.acc_hash, h.bank_account_hash)")
			.append(", bank_account_enc = coalesce(v.acc_enc, h.bank_account_enc)");
		Map<String, Object> p = v.params();
		p.put("now", java.sql.Timestamp.from(now));
		p.put("login", target.login());
		jdbc.sql("UPDATE registry_household h SET " + set
				+ ", version = h.version + 1, updated_at = :now, updated_by = :login FROM " + v.from()
				+ " WHERE h.id = CAST(v.id AS bigint)")
			.params(p)
			.update();
	}

	/** Updates the matched members: first those who are not (or no longer) the head, then the head. */
	private void updateMembers(List<Change> changed, Set<TemplateColumn> present, Instant now, boolean heads) {
		List<Change.Pair> pairs = changed.stream()
			.flatMap(ch -> ch.kept.stream())
			.filter(pair -> (pair.file().data().relation() == Relation.HEAD) == heads)
			.toList();
		if (pairs.isEmpty()) {
			return;
		}
		Columns v = new Columns(pairs.size());
		for (int i = 0; i < pairs.size(); i++) {
			Change.Pair pair = pairs.get(i);
			MemberData d = pair.file().data();
			MemberView s = pair.stored();
			v.set("id", i, s.id());
			v.set("name", i, d.name());
			v.set("relation", i, d.relation().name());
			v.set("employment", i, ImportWriter.name(d.employment()));
			v.set("employer", i, d.employer());
			v.set("phone", i, d.phone());
			BigDecimal[] income = Change.income(d, s);
			v.set("wage", i, income[0]);
			v.set("business", i, income[1]);
			v.set("property", i, income[2]);
			v.set("transfer", i, income[3]);
			v.set("pension", i, income[4]);
			v.set("health", i, ImportWriter.name(d.health()));
			v.set("grade", i, d.disabilityGrade());
			v.set("schooling", i, ImportWriter.name(d.schooling()));
			v.set("categories", i, ImportWriter.names(d.categories()));
		}
		StringBuilder set = new StringBuilder("name = v.name, relation = v.relation");
		if (present.contains(EMPLOYMENT)) {
			set.append(", employment = v.employment");
		}
		if (present.contains(EMPLOYER)) {
			set.append(", employer = v.employer");
		}
		if (present.contains(PHONE)) {
			set.append(", phone = v.phone");
		}
		if (present.contains(MONTHLY_INCOME)) {
			set.append(", income_wage = CAST(v.wage AS numeric), income_business = CAST(v.business AS numeric)")
				.append(", income_property = CAST(v.property AS numeric), income_transfer = CAST(v.transfer AS numeric)")
				.append(", income_pension = CAST(v.pension AS numeric)");
		}
		if (present.contains(HEALTH)) {
			set.append(", health = v.health");
			set.append(present.contains(DISABILITY_GRADE) ? ", disability_grade = CAST(v.grade AS smallint)"
					: ", disability_grade = CASE WHEN v.health = 'DISABLED' THEN m.disability_grade END");
		}
		if (present.contains(SCHOOLING)) {
			set.append(", schooling = v.schooling");
		}
		if (present.contains(CATEGORIES)) {
			set.append(", categories = string_to_array(v.categories, ',')");
		}
		Map<String, Object> p = v.params();
		p.put("now", java.sql.Timestamp.from(now));
		jdbc.sql("UPDATE registry_member m SET " + set + ", updated_at = :now FROM " + v.from()
				+ " WHERE m.id = CAST(v.id AS bigint)")
			.params(p)
			.update();
	}

	/** What the file changes in one stored household: members kept, joining and leaving, and whether anything differs. */
	private final class Change {

		record Pair(Candidate.Member file, MemberView stored) {
		}

		final Candidate file;

		final HouseholdView before;

		final List<Pair> kept = new ArrayList<>();

		final List<Candidate.Member> joining = new ArrayList<>();

		final List<Long> leaving = new ArrayList<>();

		private final boolean differs;

		Change(Candidate file, HouseholdView before, String accountHash, List<Stored> stored,
				Map<Candidate.Member, String> hashes, Set<TemplateColumn> present) {
			this.file = file;
			this.before = before;
			Map<String, MemberView> byHash = new HashMap<>();
			Map<Long, MemberView> views = new HashMap<>();
			before.members().forEach(m -> views.put(m.id(), m));
			for (Stored s : stored) {
				byHash.put(s.hash(), views.get(s.id()));
			}
			Set<String> inFile = new HashSet<>();
			for (Candidate.Member m : file.members) {
				String hash = hashes.get(m);
				inFile.add(hash);
				MemberView s = byHash.get(hash);
				if (s == null) {
					joining.add(m);
				}
				else {
					kept.add(new Pair(m, s));
				}
			}
			for (Stored s : stored) {
				if (!inFile.contains(s.hash())) {
					leaving.add(s.id());
				}
			}
			this.differs = !joining.isEmpty() || !leaving.isEmpty() || householdDiffers(accountHash, present)
					|| kept.stream().anyMatch(pair -> memberDiffers(pair, present));
		}

		boolean changes() {
			return differs;
		}

		private boolean householdDiffers(String accountHash, Set<TemplateColumn> present) {
			HouseholdData h = file.household;
			HouseholdView b = before;
			return !h.regionCode().equals(b.regionCode())
					|| present.contains(HARDSHIP_CAUSES) && (!Objects.equals(h.mainCause(), b.mainCause())
							|| !h.secondaryCauses().equals(b.secondaryCauses()))
					|| present.contains(HOUSING) && h.housingType() != b.housingType()
					|| present.contains(ANNUAL_RENT) && !same(h.annualRent(), b.annualRent())
					|| present.contains(VEHICLES) && h.vehicles() != b.vehicles()
					|| present.contains(SAVINGS) && !same(h.savings(), b.savings())
					|| present.contains(BANK_NAME) && !Objects.equals(h.bankName(), b.bankName())
					|| present.contains(PHONE) && !Objects.equals(h.phone(), b.phone())
					|| present.contains(BANK_ACCOUNT) && h.bankAccount() != null
							&& !cipher.hash(h.bankAccount()).equals(accountHash);
		}

		private static boolean memberDiffers(Pair pair, Set<TemplateColumn> present) {
			MemberData d = pair.file().data();
			MemberView s = pair.stored();
			return !d.name().equals(s.name()) || d.relation() != s.relation()
					|| present.contains(EMPLOYMENT) && d.employment() != s.employment()
					|| present.contains(EMPLOYER) && !Objects.equals(d.employer(), s.employer())
					|| present.contains(PHONE) && !Objects.equals(d.phone(), s.phone())
					|| present.contains(MONTHLY_INCOME) && !same(total(d), s.monthlyIncome().amount())
					|| present.contains(HEALTH) && d.health() != s.health()
					|| present.contains(DISABILITY_GRADE) && !Objects.equals(d.disabilityGrade(), s.disabilityGrade())
					|| present.contains(SCHOOLING) && d.schooling() != s.schooling()
					|| present.contains(CATEGORIES) && !Set.copyOf(d.categories()).equals(Set.copyOf(s.categories()));
		}

		/** The five income items to store: the stored breakdown when it still adds up to the file's total. */
		static BigDecimal[] income(MemberData d, MemberView s) {
			if (same(total(d), s.monthlyIncome().amount())) {
				return new BigDecimal[] { s.wage(), s.businessIncome(), s.propertyIncome(), s.transferIncome(),
						s.pension() };
			}
			return new BigDecimal[] { zero(d.wage()), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
					zero(d.pension()) };
		}

		private static BigDecimal total(MemberData d) {
			return zero(d.wage()).add(zero(d.pension()));
		}

		private static BigDecimal zero(BigDecimal v) {
			return v == null ? BigDecimal.ZERO : v;
		}

		private static boolean same(BigDecimal a, BigDecimal b) {
			return a == null ? b == null : b != null && a.compareTo(b) == 0;
		}

	}

}
