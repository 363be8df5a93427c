package org.bangfu.monitoring.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.WorkingCalendar;
import org.bangfu.identification.ModuleRuleSets;
import org.bangfu.monitoring.MonitoringSetting;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One flagging run over a scope, in one transaction: the monitoring rule set evaluated
 * set-based for every open household (identification records the decisions), new flags for
 * households at risk or in sudden hardship written in one statement with their organisation's
 * measure deadline, and every open flag of the scope marked stable or not from the same run.
 */
@Component
public class FlaggingRun {

	/** What a run found. */
	public record Result(int evaluatedAtRiskOrStable, int newFlags, int stable) {
	}

	private final ModuleRuleSets ruleSets;

	private final FlagStore flags;

	private final SettingStore settings;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	FlaggingRun(ModuleRuleSets ruleSets, FlagStore flags, SettingStore settings, WorkingCalendar calendar, AuditLog audit) {
		this.ruleSets = ruleSets;
		this.flags = flags;
		this.settings = settings;
		this.calendar = calendar;
		this.audit = audit;
	}

	@Transactional
	public Result run(Scope scope, LocalDate asOf, String login) {
		Map<Long, String> outcomes = ruleSets.evaluateScope(scope, MonitoringRuleSet.CODE, asOf);
		List<Long> stable = new ArrayList<>();
		List<Long> candidates = new ArrayList<>();
		outcomes.forEach((household, outcome) -> {
			if (MonitoredKindPolicy.STABLE.equals(outcome)) {
				stable.add(household);
			}
			else if (MonitoredKindPolicy.SUDDEN.equals(outcome) || MonitoredKindPolicy.AT_RISK.equals(outcome)) {
				candidates.add(household);
			}
		});
		Map<Long, LocalDate> dueByOrganisation = new HashMap<>();
		List<FlagStore.NewFlag> toFlag = new ArrayList<>();
		for (FlagStore.Household h : flags.households(candidates)) {
			MonitoredKindPolicy.kind(outcomes.get(h.id()), h.status()).ifPresent(kind -> {
				LocalDate due = dueByOrganisation.computeIfAbsent(h.organisationId(), org -> due(org, asOf));
				toFlag.add(new FlagStore.NewFlag(h.id(), h.organisationId(), h.regionCode(), kind, due));
			});
		}
		int created = flags.insertAll(toFlag, asOf, login);
		flags.markStable(scope, stable, asOf);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("asOf", asOf.toString());
		detail.put("candidates", toFlag.size());
		detail.put("newFlags", created);
		detail.put("stable", stable.size());
		audit.record("monitoring.run", "organisation", scope.organisationId(), detail);
		return new Result(outcomes.size(), created, stable.size());
	}

	/** The measure deadline of a flag raised on a day in an organisation. */
	public LocalDate due(long organisationId, LocalDate from) {
		MonitoringSetting s = settings.of(organisationId);
		return calendar.due(from, s.measureDays(), s.workingDays());
	}

}
