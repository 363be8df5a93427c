package org.bangfu.identification.internal;

import java.time.LocalDate;
import java.util.List;

import org.bangfu.identification.internal.FactsQuery.HouseholdFacts;
import org.bangfu.registry.HouseholdChange;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * One household as it stood on a date, for a single decision, by the rule the batch uses
 * ({@link FilesAsOf}); or, for a date before it was filed, the answer 'not yet filed' with its
 * filing date, never today's file.
 */
@Component
public class HouseholdOnDate {

	private final FactsQuery facts;

	private final HouseholdRegistry registry;

	private final BusinessClock clock;

	HouseholdOnDate(FactsQuery facts, HouseholdRegistry registry, BusinessClock clock) {
		this.facts = facts;
		this.registry = registry;
		this.clock = clock;
	}

	/**
	 * The household's facts on the date: today's file for today (and later dates); for an earlier
	 * date the file as it stood at the end of that date (the register's history, by the rule the
	 * batch and what-if use: {@link FilesAsOf}), with its region then and today's organisation. A
	 * file with no history (loaded around the register's façade) reads the file as it is, as the
	 * batch does. A date before the file's first entry is 'not yet filed' (firstFiled set), as the
	 * batch answers it.
	 */
	/** A household's facts on a date; firstFiled is set (and the facts are today's) when it was not yet filed then. */
	public record OnDate(HouseholdFacts facts, LocalDate firstFiled) {
	}

	public OnDate on(Scope scope, long householdId, LocalDate date) {
		HouseholdFacts live = facts.one(scope, householdId, date)
			.orElseThrow(() -> BangfuException.notFound("identification.household.notFound", householdId));
		if (!FilesAsOf.applies(date, clock.today())) {
			return new OnDate(live, null);
		}
		List<HouseholdChange> history = registry.history(scope, householdId);
		java.time.Instant end = FilesAsOf.end(date);
		if (!history.isEmpty() && history.stream().noneMatch(c -> c.changedAt().isBefore(end))) {
			return new OnDate(live, firstFiled(history));
		}
		return history.stream()
			.filter(c -> c.changedAt().isBefore(end))
			.findFirst()
			.map(then -> facts.snapshot(then.after(), date))
			.map(then -> new OnDate(new HouseholdFacts(then.householdId(), live.organisationId(), then.regionCode(),
					then.householdVersion(), then.values()), null))
			.orElse(new OnDate(live, null));
	}

	/** The date a household was first filed (its first history entry), null without history. */
	public LocalDate firstFiled(Scope scope, long householdId) {
		return firstFiled(registry.history(scope, householdId));
	}

	/** The business date of a file's first history entry (its filing). */
	private static LocalDate firstFiled(List<HouseholdChange> history) {
		return history.stream()
			.map(HouseholdChange::changedAt)
			.min(java.util.Comparator.naturalOrder())
			.map(at -> at.atZone(org.bangfu.shared.BusinessClock.zone()).toLocalDate())
			.orElse(null);
	}

}
