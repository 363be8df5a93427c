package org.bangfu.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.monitoring.internal.FlagStore;
import org.bangfu.monitoring.internal.FlaggingJob;
import org.bangfu.monitoring.internal.FlaggingRun;
import org.bangfu.monitoring.internal.MeasureStore;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Households under monitoring: flagging runs over the scope (a persistent job), leads from a
 * visit, a complaint, a cross-check finding or the family (also the API other modules call),
 * the lists per organisation (flagged, overdue, ready to leave, left) and one household's view.
 * Everything within the caller's organisation subtree; every change audited.
 */
@Service
public class MonitoredHouseholds {

	/** The lists. */
	public enum ListKind {
		FLAGGED, OVERDUE, READY, LEFT
	}

	private final FlagStore flags;

	private final MeasureStore measures;

	private final FlaggingRun run;

	private final Jobs jobs;

	private final AuditLog audit;

	private final BusinessClock clock;

	MonitoredHouseholds(FlagStore flags, MeasureStore measures, FlaggingRun run, Jobs jobs, AuditLog audit,
			BusinessClock clock) {
		this.flags = flags;
		this.measures = measures;
		this.run = run;
		this.jobs = jobs;
		this.audit = audit;
		this.clock = clock;
	}

	/** Queues a flagging run over the actor's scope as of today; returns the job id. */
	@Transactional
	public long startRun(Actor actor) {
		long job = jobs.submit(FlaggingJob.KIND, FlaggingJob.payload(actor.scope(), clock.today(), actor.login()),
				actor.organisationId(), actor.userId());
		audit.record("monitoring.run.start", "organisation", actor.organisationId(), Map.of("job", job));
		return job;
	}

	/**
	 * Adds a lead for a household in scope (not from the rules): it is flagged with the kind, the
	 * source and the note, and gets its organisation's measure deadline. A household already
	 * under monitoring, or closed, is refused. Returns the flag id.
	 */
	@Transactional
	public long addLead(Scope scope, NewLead lead) {
		if (lead.kind() == null) {
			throw BangfuException.badField("kind", "monitoring.lead.kind.required");
		}
		if (lead.source() == null || lead.source() == LeadSource.RULES) {
			throw BangfuException.badField("source", "monitoring.lead.source.required");
		}
		String note = lead.note() == null || lead.note().isBlank() ? null : lead.note().strip();
		if (note != null && note.length() > 1000) {
			throw BangfuException.badField("note", "monitoring.note.tooLong");
		}
		FlagStore.Household h = flags.household(scope, lead.householdId())
			.orElseThrow(() -> BangfuException.notFound("monitoring.household.notFound", lead.householdId()));
		if ("CLOSED".equals(h.status())) {
			throw new BangfuException(Problem.CONFLICT, "monitoring.lead.closed");
		}
		if (flags.ofHousehold(scope, h.id()).stream().anyMatch(f -> "OPEN".equals(f.status()))) {
			throw new BangfuException(Problem.CONFLICT, "monitoring.lead.alreadyMonitored");
		}
		long id = flags.insert(h, lead.kind(), lead.source(), note, clock.today(), run.due(h.organisationId(), clock.today()),
				login());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("flag", id);
		detail.put("kind", lead.kind().name());
		detail.put("source", lead.source().name());
		audit.record("monitoring.lead.add", "household", h.id(), detail);
		return id;
	}

	/** One of the lists, 100 a page (pages from 1). */
	@Transactional(readOnly = true)
	public List<FlagView> list(Scope scope, ListKind kind, int page) {
		return flags.list(scope, FlagStore.Filter.valueOf(kind.name()), clock.today(), 100, (Math.max(1, page) - 1) * 100);
	}

	/** A household's monitoring (audited as a view of the household). */
	@Transactional
	public HouseholdMonitoring household(Scope scope, long householdId) {
		flags.household(scope, householdId)
			.orElseThrow(() -> BangfuException.notFound("monitoring.household.notFound", householdId));
		List<FlagView> list = flags.ofHousehold(scope, householdId);
		audit.record("monitoring.household.view", "household", householdId, Map.of("flags", list.size()));
		return new HouseholdMonitoring(householdId, list, list.isEmpty() ? List.of() : measures.of(list.get(0).id()));
	}

	public FlagView flag(Scope scope, long flagId) {
		return flags.find(scope, flagId).orElseThrow(() -> BangfuException.notFound("monitoring.flag.notFound", flagId));
	}

	static String login() {
		return Actor.current().map(Actor::login).orElse("system");
	}

}
