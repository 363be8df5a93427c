package org.bangfu.monitoring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.identification.Decisions;
import org.bangfu.monitoring.internal.FlagStore;
import org.bangfu.monitoring.internal.LeavingPolicy;
import org.bangfu.monitoring.internal.MeasureStore;
import org.bangfu.monitoring.internal.MonitoredKindPolicy;
import org.bangfu.monitoring.internal.MonitoringRuleSet;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Measures for a monitored household, and leaving monitoring: proposed when the household is
 * stable now (six months above the line, evaluated live by the monitoring rule set) and a
 * measure was carried out, approved by someone else (four eyes). Audited.
 */
@Service
public class MonitoringMeasures {

	private final MonitoredHouseholds households;

	private final FlagStore flags;

	private final MeasureStore store;

	private final Decisions decisions;

	private final AuditLog audit;

	private final BusinessClock clock;

	MonitoringMeasures(MonitoredHouseholds households, FlagStore flags, MeasureStore store, Decisions decisions,
			AuditLog audit, BusinessClock clock) {
		this.households = households;
		this.flags = flags;
		this.store = store;
		this.decisions = decisions;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public long record(Scope scope, long flagId, NewMeasure m) {
		FlagView flag = households.flag(scope, flagId);
		if (!"OPEN".equals(flag.status())) {
			throw new BangfuException(Problem.CONFLICT, "monitoring.leave.notOpen");
		}
		if (m.kind() == null) {
			throw BangfuException.badField("kind", "monitoring.measure.kind.required");
		}
		if (m.responsible() == null || m.responsible().isBlank() || m.responsible().strip().length() > 100) {
			throw BangfuException.badField("responsible", "monitoring.measure.responsible.required");
		}
		if (m.on() == null || m.on().isAfter(clock.today())) {
			throw BangfuException.badField("on", "monitoring.measure.date.invalid");
		}
		if (m.note() != null && m.note().length() > 1000) {
			throw BangfuException.badField("note", "monitoring.note.tooLong");
		}
		long id = store.insert(flagId, m, MonitoredHouseholds.login());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("flag", flagId);
		detail.put("measure", id);
		detail.put("kind", m.kind().name());
		detail.put("carriedOut", m.carriedOut());
		audit.record("monitoring.measure.record", "household", flag.householdId(), detail);
		return id;
	}

	/** Proposes leaving; refused unless stable now and a measure was carried out. */
	@Transactional
	public FlagView proposeLeave(Scope scope, long flagId, String note) {
		FlagView flag = households.flag(scope, flagId);
		refuseUnless(LeavingPolicy.canPropose(flag, stableNow(scope, flag)));
		flags.proposeLeave(flagId, MonitoredHouseholds.login(), clock.today(), note == null || note.isBlank() ? null : note.strip());
		audit.record("monitoring.leave.propose", "household", flag.householdId(), Map.of("flag", flagId));
		return households.flag(scope, flagId);
	}

	/** Approves a proposal to leave (not by its proposer); checked again against today's income. */
	@Transactional
	public FlagView approveLeave(Scope scope, long flagId) {
		FlagView flag = households.flag(scope, flagId);
		refuseUnless(LeavingPolicy.canApprove(flag, stableNow(scope, flag), MonitoredHouseholds.login()));
		flags.leave(flagId, MonitoredHouseholds.login(), clock.today());
		audit.record("monitoring.leave.approve", "household", flag.householdId(),
				Map.of("flag", flagId, "proposedBy", flag.leaveProposedBy()));
		return households.flag(scope, flagId);
	}

	private boolean stableNow(Scope scope, FlagView flag) {
		String outcome = decisions.evaluate(scope, flag.householdId(), MonitoringRuleSet.CODE, clock.today(),
				Locale.SIMPLIFIED_CHINESE).outcome();
		boolean stable = MonitoredKindPolicy.STABLE.equals(outcome);
		flags.setStable(flag.id(), stable, clock.today());
		return stable;
	}

	private static void refuseUnless(String refusal) {
		if (refusal != null) {
			throw new BangfuException(Problem.CONFLICT, refusal);
		}
	}

}
