package org.bangfu.registry.importing;

import static org.bangfu.registry.TemplateColumn.HOUSEHOLD_REF;
import static org.bangfu.registry.TemplateColumn.ID_NUMBER;
import static org.bangfu.registry.TemplateColumn.REGION_CODE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.bangfu.organisation.RegionView;
import org.bangfu.platform.db.CopyIn;
import org.bangfu.organisation.Regions;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.registry.HouseholdsImported;
import org.bangfu.registry.OnExisting;
import org.bangfu.registry.TemplateColumn;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.registry.economics.EconomicsVocabulary.Source;
import org.bangfu.registry.economics.EconomicsWrites;
import org.bangfu.registry.internal.ChangeLog;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.bangfu.registry.internal.PersonalDataCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one chunk of checked households inside the caller's transaction, set-based: a handful
 * of statements per chunk, whatever its size. Households already on the register are skipped or
 * updated as the user chose; a person already in another active household rejects their
 * household naming both places. The database has the last word on one person per active
 * household and on 户编号 uniqueness: when a concurrent import claimed a person or a 户编号
 * between the checks and the writes, {@link Retry} is thrown and the caller rolls the chunk back
 * and runs it again (the checks then see the other import's households).
 */
@Component
class ImportWriter {

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final ChangeLog changes;

	private final Regions regions;

	private final ApplicationEventPublisher events;

	private final ImportUpdates updates;

	private final MemberRows memberRows;

	private final DataSource dataSource;

	private final EconomicsWrites economics;

	private final ImportEconomics importEconomics;

	private final ImportEconomicsHistory economicsHistory;

	private final ImportCostsAndAssets costsAndAssets;

	ImportWriter(JdbcClient jdbc, PersonalDataCipher cipher, ChangeLog changes, Regions regions,
			ApplicationEventPublisher events, ImportUpdates updates, MemberRows memberRows, DataSource dataSource,
			EconomicsWrites economics, ImportEconomics importEconomics, ImportEconomicsHistory economicsHistory,
			ImportCostsAndAssets costsAndAssets) {
		this.economicsHistory = economicsHistory;
		this.costsAndAssets = costsAndAssets;
		this.economics = economics;
		this.importEconomics = importEconomics;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.changes = changes;
		this.regions = regions;
		this.events = events;
		this.updates = updates;
		this.memberRows = memberRows;
	}

	/**
	 * What the run writes for: which import, into which organisation, how, by whom (and that user's
	 * scope, which decides whether a conflict may name the other household), with which columns.
	 */
	record Target(long importId, long organisationId, OnExisting mode, String login, Scope scope,
			Set<TemplateColumn> present) {
	}

	/** A conflict with a concurrent writer: roll the chunk back and run it again. */
	static final class Retry extends RuntimeException {

		Retry(String message) {
			super(message, null, false, false);
		}

	}

	/** What became of each household of a chunk; rejections carry the problems found here. */
	static final class Outcome {

		final List<Candidate> filed = new ArrayList<>();

		final List<Candidate> updated = new ArrayList<>();

		final List<Candidate> unchanged = new ArrayList<>();

		final List<Candidate> skipped = new ArrayList<>();

		final Map<Candidate, List<RowProblem>> rejected = new LinkedHashMap<>();

		void reject(Candidate c, RowProblem problem) {
			rejected.computeIfAbsent(c, k -> new ArrayList<>()).add(problem);
		}

	}

	/** A household row already on the register with the file's 户编号. */
	record Existing(long id, HouseholdStatus status, Long importId) {
	}

	/** A person's claim on an active household. */
	record Claim(long householdId, String fileNo, String organisationName, String organisationPath) {
	}

	/**
	 * Rejects the candidates whose region does not exist or is coarser than a township, looking
	 * up in one query the codes the cache does not know yet (an unknown code is cached as null).
	 * The region of an accepted candidate is kept on it, for the history snapshot.
	 */
	void checkRegions(List<Candidate> chunk, Map<String, RegionView> cache) {
		List<String> unknown = chunk.stream()
			.filter(Candidate::valid)
			.map(c -> c.household.regionCode())
			.filter(code -> !cache.containsKey(code))
			.distinct()
			.toList();
		if (!unknown.isEmpty()) {
			if (cache.size() > 200_000) {
				cache.clear();
			}
			Map<String, RegionView> found = regions.findAll(unknown);
			for (String code : unknown) {
				cache.put(code, found.get(code));
			}
		}
		for (Candidate c : chunk) {
			if (!c.valid()) {
				continue;
			}
			RegionView region = cache.get(c.household.regionCode());
			String shown = shortCode(c.household.regionCode());
			if (region == null) {
				c.reject(RowProblem.of(c.headRow(), REGION_CODE, "imports.region.unknown", shown));
			}
			else if (region.level() < 4) {
				c.reject(RowProblem.of(c.headRow(), REGION_CODE, "imports.region.tooCoarse", shown));
			}
			else {
				c.regionName = region.name();
			}
		}
	}

	/** Writes the valid candidates of a chunk; the caller's transaction commits or rolls back all of it. */
	Outcome write(Target target, List<Candidate> chunk, Instant time) {
		Instant now = time.truncatedTo(java.time.temporal.ChronoUnit.MICROS); // as PostgreSQL keeps it
		Outcome out = new Outcome();
		Map<Candidate.Member, String> hashes = new IdentityHashMap<>();
		Map<String, Long> seen = new HashMap<>();
		List<Candidate> live = new ArrayList<>();
		for (Candidate c : chunk) {
			boolean ok = true;
			for (Candidate.Member m : c.members) {
				String hash = cipher.hash(m.id().value());
				hashes.put(m, hash);
				Long first = seen.putIfAbsent(hash, m.row());
				if (first != null) {
					out.reject(c, RowProblem.of(m.row(), ID_NUMBER, "imports.idNumber.twiceInFile", m.id().masked(), first));
					ok = false;
				}
			}
			if (ok) {
				live.add(c);
			}
		}
		Map<String, Existing> existing = existing(target.organisationId(), live);
		Map<String, Claim> claims = claims(hashes.values());
		List<Candidate> inserts = new ArrayList<>();
		Map<Candidate, Existing> toUpdate = new LinkedHashMap<>();
		for (Candidate c : live) {
			Existing e = existing.get(c.ref);
			if (e != null && Long.valueOf(target.importId()).equals(e.importId())) {
				out.filed.add(c);
				continue;
			}
			if (e != null && target.mode() == OnExisting.SKIP) {
				out.skipped.add(c);
				continue;
			}
			if (e != null && e.status() == HouseholdStatus.CLOSED) {
				out.reject(c, RowProblem.of(c.headRow(), HOUSEHOLD_REF, "imports.household.closed", c.ref));
				continue;
			}
			boolean ok = true;
			for (Candidate.Member m : c.members) {
				Claim claim = claims.get(hashes.get(m));
				if (claim != null && (e == null || claim.householdId() != e.id())) {
					out.reject(c, target.scope().contains(claim.organisationPath())
							? RowProblem.of(m.row(), ID_NUMBER, "imports.idNumber.inOtherHousehold", m.id().masked(),
									claim.organisationName(), claim.fileNo())
							: RowProblem.of(m.row(), ID_NUMBER, "imports.idNumber.inHouseholdOutOfScope", m.id().masked()));
					ok = false;
				}
			}
			if (!ok) {
				continue;
			}
			if (e == null) {
				inserts.add(c);
			}
			else {
				toUpdate.put(c, e);
			}
		}
		// a month of a year already recorded as a yearly figure would count twice: the household is rejected
		importEconomics.overlaps(target.organisationId(), toUpdate.keySet(), hashes).forEach((c, problem) -> {
			toUpdate.remove(c);
			out.reject(c, problem);
		});
		List<Long> filedIds = insert(target, inserts, hashes, now);
		out.filed.addAll(inserts);
		List<Long> updatedIds = updates.update(target, toUpdate, hashes, now, out);
		List<Candidate> written = new ArrayList<>(out.filed);
		written.addAll(out.updated);
		written.addAll(out.unchanged);
		Set<Long> economicsChanged = importEconomics.write(target.organisationId(), written, hashes, target.login(), now);
		economicsChanged.addAll(costsAndAssets.write(target.organisationId(), written, target.login(), now));
		economicsChanged.removeAll(filedIds);
		// a household whose only change is in its economics figures counts as updated
		for (Iterator<Candidate> it = out.unchanged.iterator(); it.hasNext();) {
			Candidate c = it.next();
			Existing e = toUpdate.get(c);
			if (e != null && economicsChanged.contains(e.id())) {
				it.remove();
				out.updated.add(c);
			}
		}
		Set<Long> updatedSet = new LinkedHashSet<>(updatedIds);
		List<Long> economicsOnly = economicsChanged.stream().filter(id -> !updatedSet.contains(id)).sorted().toList();
		economicsHistory.record(economicsOnly, target.login(), now);
		updatedSet.addAll(economicsOnly);
		updatedIds = new ArrayList<>(updatedSet);
		if (!filedIds.isEmpty() || !updatedIds.isEmpty()) {
			List<Long> all = new ArrayList<>(filedIds);
			all.addAll(updatedIds);
			economics.mirrorDeclared(all, LocalDate.ofInstant(now, BusinessClock.zone()).withDayOfMonth(1), Source.IMPORT,
					target.login(), now);
			events.publishEvent(new HouseholdsImported(target.importId(), target.organisationId(), filedIds, updatedIds));
		}
		return out;
	}

	private List<Long> insert(Target target, List<Candidate> inserts, Map<Candidate.Member, String> hashes,
			Instant now) {
		if (inserts.isEmpty()) {
			return List.of();
		}
		// file numbers in order, so two imports meet on the unique index in the same order
		List<Candidate> sorted = new ArrayList<>(inserts);
		sorted.sort(java.util.Comparator.comparing((Candidate c) -> c.household.fileNo()));
		long[] allocated = CopyIn.nextValues(jdbc, "registry_household_id_seq", sorted.size());
		CopyIn rows = new CopyIn("registry_household", "id", "organisation_id", "region_code", "file_no", "status",
				"main_cause", "secondary_causes", "housing_type", "annual_rent", "vehicles", "savings", "bank_name",
				"bank_account_masked", "bank_account_hash", "bank_account_enc", "phone", "created_at", "created_by",
				"updated_at", "updated_by", "import_id", "filed_at");
		Map<String, Long> ids = new HashMap<>();
		for (int i = 0; i < sorted.size(); i++) {
			var h = sorted.get(i).household;
			String account = h.bankAccount();
			rows.row(allocated[i], target.organisationId(), h.regionCode(), h.fileNo(), HouseholdStatus.FILED, h.mainCause(),
					h.secondaryCauses() == null ? List.of() : h.secondaryCauses(), h.housingType(), h.annualRent(),
					h.vehicles() == null ? 0 : h.vehicles(), h.savings(), h.bankName(),
					account == null ? null : org.bangfu.shared.Masking.account(account),
					account == null ? null : cipher.hash(account), account == null ? null : cipher.encrypt(account),
					h.phone(), now, target.login(), now, target.login(), target.importId(), now);
			ids.put(h.fileNo(), allocated[i]);
		}
		try {
			rows.into(dataSource);
		}
		catch (DuplicateKeyException ex) {
			throw new Retry("a 户编号 was filed concurrently");
		}
		
		List<MemberRows.NewMember> members = new ArrayList<>();
		List<Long> householdIds = new ArrayList<>();
		for (Candidate c : inserts) {
			long id = ids.get(c.ref);
			householdIds.add(id);
			for (Candidate.Member m : c.members) {
				members.add(new MemberRows.NewMember(id, m, hashes.get(m)));
			}
		}
		List<Long> memberIds = memberRows.insert(members, now);
		memberRows.claim(members, memberIds);
		// the history's first snapshot, made from what was just written rather than read back
		String organisationName = jdbc.sql("SELECT name FROM organisation WHERE id = ?")
			.param(target.organisationId())
			.query(String.class)
			.single();
		List<HouseholdView> after = new ArrayList<>(inserts.size());
		int k = 0;
		for (Candidate c : inserts) {
			List<MemberView> views = new ArrayList<>(c.members.size());
			for (Candidate.Member m : c.members) {
				views.add(Snapshots.member(memberIds.get(k++), m));
			}
			after.add(Snapshots.household(ids.get(c.ref), target, organisationName,
					c.regionName, c.household, now, views));
		}
		changes.recordAll(null, after, "import.file", target.login(), now);
		return householdIds;
	}

	private Map<String, Existing> existing(long organisationId, List<Candidate> chunk) {
		Map<String, Existing> found = new HashMap<>();
		if (chunk.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT id, file_no, status, import_id FROM registry_household
				WHERE organisation_id = :org AND file_no = ANY (CAST(:refs AS varchar[]))""")
			.param("org", organisationId)
			.param("refs", chunk.stream().map(c -> c.ref).toArray(String[]::new))
			.query(rs -> {
				long importId = rs.getLong("import_id");
				found.put(rs.getString("file_no"), new Existing(rs.getLong("id"),
						HouseholdStatus.valueOf(rs.getString("status")), rs.wasNull() ? null : importId));
			});
		return found;
	}

	private Map<String, Claim> claims(Collection<String> hashes) {
		Map<String, Claim> found = new HashMap<>();
		if (hashes.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				SELECT p.id_number_hash, p.household_id, h.file_no, o.name, o.path FROM registry_person p
				JOIN registry_household h ON h.id = p.household_id
				JOIN organisation o ON o.id = h.organisation_id
				WHERE p.id_number_hash = ANY (CAST(:hashes AS char(64)[]))""")
			.param("hashes", hashes.toArray(String[]::new))
			.query(rs -> {
				found.put(rs.getString(1), new Claim(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
			});
		return found;
	}

	static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	static String names(List<? extends Enum<?>> values) {
		return values == null ? "" : String.join(",", values.stream().map(Enum::name).toList());
	}

	static String shortCode(String code) {
		if (code.endsWith("000000")) {
			return code.substring(0, 6);
		}
		return code.endsWith("000") ? code.substring(0, 9) : code;
	}

}
