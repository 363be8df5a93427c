package org.bangfu.registry.economics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.economics.EconomicsCommands.RecordAsset;
import org.bangfu.registry.economics.EconomicsCommands.RecordIncome;
import org.bangfu.registry.economics.EconomicsCommands.RecordSpending;
import org.bangfu.registry.economics.EconomicsCommands.RecordSuddenCost;
import org.bangfu.registry.economics.EconomicsViews.MonthIncome;
import org.bangfu.registry.economics.EconomicsViews.Records;
import org.bangfu.registry.economics.EconomicsVocabulary.Area;
import org.bangfu.registry.internal.ChangeLog;
import org.bangfu.registry.internal.HouseholdJournal;
import org.bangfu.registry.internal.HouseholdStore;
import org.bangfu.registry.internal.RegistryPolicy;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A household's economics over time (issue 13): income items per month or year, essential
 * spending per year, sudden costs and assets. Scoped like every register call (a household
 * outside the caller's organisation subtree does not exist); every write locks the household,
 * bumps its version, and is kept in its history, audited and announced like other household
 * changes; views of the records are audited as views of personal data.
 */
@Service
public class HouseholdEconomics {

	private final HouseholdStore households;

	private final EconomicsStore store;

	private final EconomicsWrites writes;

	private final HouseholdJournal journal;

	private final AuditLog audit;

	private final ChangeLog changes;

	private final BusinessClock clock;

	HouseholdEconomics(HouseholdStore households, EconomicsStore store, EconomicsWrites writes, HouseholdJournal journal,
			AuditLog audit, ChangeLog changes, BusinessClock clock) {
		this.changes = changes;
		this.households = households;
		this.store = store;
		this.writes = writes;
		this.journal = journal;
		this.audit = audit;
		this.clock = clock;
	}

	/** What is recorded now (audited as a view). */
	@Transactional
	public Records records(Scope scope, long householdId) {
		HouseholdView h = require(scope, householdId);
		audit.record("household.economics.view", "household", householdId, Map.of("fileNo", h.fileNo()));
		return store.records(householdId, null);
	}

	/** What was recorded at the end of the date (business time zone), corrections and deletions after it undone. */
	@Transactional
	public Records asOf(Scope scope, long householdId, LocalDate date) {
		HouseholdView h = require(scope, householdId);
		audit.record("household.economics.view", "household", householdId, Map.of("fileNo", h.fileNo(), "asOf", date.toString()));
		return store.records(householdId, endOf(date));
	}

	/**
	 * The household's income by month, the months up to end (oldest first), each with how it was
	 * derived: the items of its members (a member who left took their income along, as in the facts).
	 */
	@Transactional
	public List<MonthIncome> incomeByMonth(Scope scope, long householdId, YearMonth end, int months) {
		HouseholdView h = require(scope, householdId);
		audit.record("household.economics.view", "household", householdId, Map.of("fileNo", h.fileNo(), "incomeTo", end.toString()));
		return IncomeHistoryPolicy.months(ofMembers(store.income(householdId, null), h), end, Math.min(Math.max(months, 1), 120));
	}

	/** The same from the records and the members as they stood at the end of the date. */
	@Transactional
	public List<MonthIncome> incomeByMonthAsOf(Scope scope, long householdId, LocalDate date, int months) {
		HouseholdView now = require(scope, householdId);
		audit.record("household.economics.view", "household", householdId, Map.of("fileNo", now.fileNo(), "asOf", date.toString()));
		Instant at = endOf(date);
		HouseholdView file = changes.asOf(householdId, at.minusNanos(1000)).map(c -> c.after()).orElse(now);
		return IncomeHistoryPolicy.months(ofMembers(store.income(householdId, at), file), YearMonth.from(date), months);
	}

	private static List<org.bangfu.registry.economics.EconomicsViews.IncomeItemView> ofMembers(
			List<org.bangfu.registry.economics.EconomicsViews.IncomeItemView> items, HouseholdView file) {
		java.util.Set<Long> members = file.members().stream().map(m -> m.id()).collect(java.util.stream.Collectors.toSet());
		return items.stream().filter(i -> members.contains(i.memberId())).toList();
	}

	/**
	 * The identification facts of the economics records for the household on a date, computed in
	 * Java ({@link EconomicsFactsPolicy}): the records and the file (size, annual rent) as they
	 * stood at the end of an earlier date, today's for today and later. Keys are the facts' names.
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> facts(Scope scope, long householdId, LocalDate on) {
		HouseholdView now = require(scope, householdId);
		boolean past = on.isBefore(clock.today());
		Instant at = past ? endOf(on) : null;
		HouseholdView file = past ? changes.asOf(householdId, at.minusNanos(1000)).map(c -> c.after()).orElse(now) : now;
		return EconomicsFactsPolicy.of(store.records(householdId, at),
				file.members().stream().map(m -> m.id()).collect(java.util.stream.Collectors.toSet()), file.annualRent(), on);
	}

	@Transactional
	public long recordIncome(Scope scope, long householdId, RecordIncome cmd) {
		return income(scope, householdId, null, cmd);
	}

	@Transactional
	public long correctIncome(Scope scope, long householdId, long itemId, RecordIncome cmd) {
		return income(scope, householdId, itemId, cmd);
	}

	private long income(Scope scope, long householdId, Long replacing, RecordIncome cmd) {
		LocalDate start = EconomicsPolicy.periodStart(cmd, clock.today());
		return write(scope, householdId, Area.INCOME, replacing, h -> {
			if (h.members().stream().noneMatch(m -> m.id() == cmd.memberId())) {
				throw BangfuException.badField("memberId", "registry.economics.member.notInHousehold");
			}
			EconomicsPolicy.noOverlap(cmd, start, store.income(householdId, null), replacing);
		}, at -> writes.income(householdId, cmd, start, replacing, HouseholdJournal.login(), at),
				Map.of("kind", cmd.kind().name(), "period", cmd.period().name(), "start", start.toString(),
						"amount", cmd.amount().toPlainString()));
	}

	@Transactional
	public long recordSpending(Scope scope, long householdId, RecordSpending cmd) {
		return spending(scope, householdId, null, cmd);
	}

	@Transactional
	public long correctSpending(Scope scope, long householdId, long id, RecordSpending cmd) {
		return spending(scope, householdId, id, cmd);
	}

	private long spending(Scope scope, long householdId, Long replacing, RecordSpending cmd) {
		EconomicsPolicy.spending(cmd, clock.today());
		return write(scope, householdId, Area.SPENDING, replacing, h -> {
		}, at -> writes.spending(householdId, cmd, replacing, HouseholdJournal.login(), at),
				Map.of("kind", cmd.kind().name(), "year", cmd.year(), "amount", cmd.amount().toPlainString()));
	}

	@Transactional
	public long recordSuddenCost(Scope scope, long householdId, RecordSuddenCost cmd) {
		return suddenCost(scope, householdId, null, cmd);
	}

	@Transactional
	public long correctSuddenCost(Scope scope, long householdId, long id, RecordSuddenCost cmd) {
		return suddenCost(scope, householdId, id, cmd);
	}

	private long suddenCost(Scope scope, long householdId, Long replacing, RecordSuddenCost cmd) {
		EconomicsPolicy.suddenCost(cmd, clock.today());
		return write(scope, householdId, Area.SUDDEN_COST, replacing, h -> {
		}, at -> writes.suddenCost(householdId, cmd, replacing, HouseholdJournal.login(), at),
				Map.of("kind", cmd.kind().name(), "occurredOn", cmd.occurredOn().toString(), "amount",
						cmd.amount().toPlainString()));
	}

	@Transactional
	public long recordAsset(Scope scope, long householdId, RecordAsset cmd) {
		return asset(scope, householdId, null, cmd);
	}

	@Transactional
	public long correctAsset(Scope scope, long householdId, long id, RecordAsset cmd) {
		return asset(scope, householdId, id, cmd);
	}

	private long asset(Scope scope, long householdId, Long replacing, RecordAsset cmd) {
		EconomicsPolicy.asset(cmd, clock.today());
		return write(scope, householdId, Area.ASSET, replacing, h -> {
		}, at -> writes.asset(householdId, cmd, replacing, HouseholdJournal.login(), at),
				Map.of("kind", cmd.kind().name(), "asOf", cmd.asOf().toString(),
						"value", cmd.value() == null ? "" : cmd.value().toPlainString()));
	}

	/** Deletes a record: it is retired (the history and the as-of view keep it). */
	@Transactional
	public void delete(Scope scope, long householdId, Area area, long id) {
		write(scope, householdId, area, id, h -> {
		}, at -> id, Map.of());
	}

	private long write(Scope scope, long householdId, Area area, Long replacing, java.util.function.Consumer<HouseholdView> check,
			java.util.function.Function<Instant, Long> insertAt, Map<String, ?> detail) {
		HouseholdView before = households.lock(scope, householdId);
		RegistryPolicy.open(before);
		check.accept(before);
		Instant at = clock.now();
		String login = HouseholdJournal.login();
		if (replacing != null && !writes.retire(area, householdId, replacing, login, at)) {
			throw BangfuException.notFound("registry.economics.notFound", replacing);
		}
		boolean deletion = replacing != null && detail.isEmpty();
		long id = deletion ? replacing : insertAt.apply(at);
		households.touch(householdId, login);
		HouseholdView after = households.lock(scope, householdId);
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("area", area.name());
		d.put("id", id);
		if (replacing != null && !deletion) {
			d.put("replaces", replacing);
		}
		d.putAll(detail);
		journal.record(before, after, "economics." + (deletion ? "delete" : replacing == null ? "add" : "correct"), d);
		return id;
	}

	private HouseholdView require(Scope scope, long householdId) {
		return households.find(scope, householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
	}

	private static Instant endOf(LocalDate date) {
		return date.plusDays(1).atStartOfDay(BusinessClock.zone()).toInstant();
	}

}
