package org.bangfu.programs;

import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.platform.jobs.Jobs;
import org.bangfu.programs.internal.CycleStore;
import org.bangfu.programs.internal.EventCycles;
import org.bangfu.programs.internal.Json;
import org.bangfu.programs.internal.ProgramStore;
import org.bangfu.programs.internal.RosterGeneration;
import org.bangfu.programs.internal.RosterReviewPolicy;
import org.bangfu.programs.internal.RosterStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cycles and their payment rosters (发放名册): a cycle of an active program for a period key
 * (once per program and key), its roster generated set-based by a job, reviewed (lines edited
 * within the rule's limits or removed, always with a reason), submitted, approved by someone
 * else (four eyes, optimistic version: two approvals at once cannot both pass) and locked.
 * Approval publishes {@link RosterApproved}. Cycles are seen and changed within the caller's
 * organisation subtree; their rosters cover the households of the cycle's organisation subtree.
 */
@Service
public class Rosters {

	private final CycleStore cycles;

	private final RosterStore lines;

	private final ProgramStore programs;

	private final Jobs jobs;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final EventCycles eventCycles;

	private final org.springframework.beans.factory.ObjectProvider<PaymentFunds> paymentFunds;

	Rosters(CycleStore cycles, RosterStore lines, ProgramStore programs, Jobs jobs, AuditLog audit,
			ApplicationEventPublisher events, EventCycles eventCycles,
			org.springframework.beans.factory.ObjectProvider<PaymentFunds> paymentFunds) {
		this.paymentFunds = paymentFunds;
		this.eventCycles = eventCycles;
		this.cycles = cycles;
		this.lines = lines;
		this.programs = programs;
		this.jobs = jobs;
		this.audit = audit;
		this.events = events;
	}

	/** Opens a cycle of an active program; a second cycle for the same program and period key is refused. */
	@Transactional
	public CycleView open(Scope scope, NewCycle c) {
		ProgramView p = programs.find(scope, c.programId())
			.orElseThrow(() -> BangfuException.notFound("programs.program.notFound", c.programId()));
		if (!p.active()) {
			throw BangfuException.badField("programId", "programs.cycle.programNotActive", p.code());
		}
		if (c.to().isBefore(c.from())) {
			throw BangfuException.badField("to", "programs.cycle.toBeforeFrom");
		}
		int months = (c.to().getYear() * 12 + c.to().getMonthValue()) - (c.from().getYear() * 12 + c.from().getMonthValue()) + 1;
		Actor actor = Actor.require();
		long id = cycles.insert(c, p.code(), scope.organisationId(), months, actor.userId(), actor.login())
			.orElseThrow(() -> BangfuException.badField("periodKey", "programs.cycle.periodTaken", p.code(), c.periodKey()));
		audit.record("cycle.open", "cycle", id, Map.of("program", p.code(), "periodKey", c.periodKey()));
		return cycles.find(id).orElseThrow();
	}

	public List<CycleView> cycles(Scope scope) {
		return cycles.list(scope, 200);
	}

	public CycleView cycle(Scope scope, long id) {
		return cycles.find(scope, id).orElseThrow(() -> BangfuException.notFound("programs.cycle.notFound", id));
	}

	/** The regions the cycle is restricted to (an event's regions), empty when it covers its organisation's subtree. */
	public List<String> regions(Scope scope, long cycleId) {
		cycle(scope, cycleId);
		return eventCycles.regions(cycleId);
	}

	/** The cycles proposed by a declared event, in the caller's scope. */
	public List<CycleView> proposedBy(Scope scope, long eventId) {
		return eventCycles.proposed(eventId, scope.likePattern()).stream().map(id -> cycle(scope, id)).toList();
	}

	/** Starts (or resumes, or extends) the roster's generation as a job; returns the job id. */
	@Transactional
	public long generate(Scope scope, long cycleId) {
		CycleView c = cycle(scope, cycleId);
		CycleStatus status = cycles.lock(cycleId, true);
		if (status == CycleStatus.SUBMITTED || status == CycleStatus.APPROVED) {
			throw new BangfuException(Problem.CONFLICT, "programs.cycle.locked", c.label());
		}
		long job = jobs.submit(RosterGeneration.KIND, Json.write(Map.of("cycleId", cycleId)));
		cycles.startGeneration(cycleId, job);
		audit.record("cycle.generate", "cycle", cycleId, Map.of("job", job));
		return job;
	}

	/** A page of the roster's lines (filter ALL, MISSING_ACCOUNT, CAPPED, NEEDS_REASON, REMOVED); the view is audited. */
	public List<RosterLineView> lines(Scope scope, long cycleId, String filter, int offset, int limit) {
		cycle(scope, cycleId);
		List<RosterLineView> page = lines.page(cycleId, filter, Math.max(0, offset), Math.min(Math.max(1, limit), 500));
		audit.record("roster.view", "cycle", cycleId, Map.of("filter", filter == null ? "ALL" : filter, "offset", offset,
				"lines", page.size()));
		return page;
	}

	public long count(Scope scope, long cycleId, String filter) {
		cycle(scope, cycleId);
		return lines.count(cycleId, filter);
	}

	public RosterChecks checks(Scope scope, long cycleId) {
		cycle(scope, cycleId);
		return lines.checks(cycleId);
	}

	public RosterLineView line(Scope scope, long cycleId, long lineId) {
		cycle(scope, cycleId);
		return lines.find(cycleId, lineId).orElseThrow(() -> BangfuException.notFound("programs.line.notFound", lineId));
	}

	/** Changes a line's amount within its rule's limits, with a reason. */
	@Transactional
	public RosterLineView edit(Scope scope, long cycleId, long lineId, LineEdit edit) {
		RosterLineView line = editableLine(scope, cycleId, lineId);
		if (edit.reason() == null || edit.reason().isBlank()) {
			throw BangfuException.badField("reason", "programs.line.reason.required");
		}
		long fen = RosterReviewPolicy.amount(line, edit.amount());
		Actor actor = Actor.require();
		if (lines.edit(lineId, edit.version(), fen, edit.reason().strip(), actor.userId(), actor.login()) == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.line.changed");
		}
		cycles.totals(cycleId);
		audit.record("roster.edit", "rosterLine", lineId, Map.of("cycle", cycleId, "from", line.amountFen(), "to", fen,
				"reason", edit.reason().strip()));
		return lines.find(cycleId, lineId).orElseThrow();
	}

	/** Takes a line off the roster, with a reason. */
	@Transactional
	public RosterLineView remove(Scope scope, long cycleId, long lineId, LineRemoval removal) {
		editableLine(scope, cycleId, lineId);
		if (removal.reason() == null || removal.reason().isBlank()) {
			throw BangfuException.badField("reason", "programs.line.reason.required");
		}
		Actor actor = Actor.require();
		if (lines.remove(lineId, removal.version(), removal.reason().strip(), actor.userId(), actor.login()) == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.line.changed");
		}
		cycles.totals(cycleId);
		audit.record("roster.remove", "rosterLine", lineId, Map.of("cycle", cycleId, "reason", removal.reason().strip()));
		return lines.find(cycleId, lineId).orElseThrow();
	}

	/** Submits the roster for approval: every line has its reason and its account. */
	@Transactional
	public CycleView submit(Scope scope, long cycleId, int version) {
		CycleView c = cycle(scope, cycleId);
		cycles.lock(cycleId, true);
		RosterChecks checks = lines.checks(cycleId);
		if (checks.lines() == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.roster.emptySubmit");
		}
		if (checks.needsReason() > 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.roster.needsReason", checks.needsReason());
		}
		if (checks.missingAccounts() > 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.roster.missingAccounts", checks.missingAccounts());
		}
		if (cycles.submit(cycleId, version, Actor.require().userId()) == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.cycle.changed", c.label());
		}
		cycles.totals(cycleId);
		audit.record("roster.submit", "cycle", cycleId, Map.of("lines", checks.lines(), "totalFen", checks.totalFen()));
		return cycles.find(cycleId).orElseThrow();
	}

	/** Approves a submitted roster (four eyes; fails when the cycle changed since it was read) and locks it. */
	@Transactional
	public CycleView approve(Scope scope, long cycleId, int version) {
		CycleView c = cycle(scope, cycleId);
		Actor actor = Actor.require();
		RosterReviewPolicy.fourEyes(actor.userId(), c.submittedBy(), lines.editedBy(cycleId, actor.userId()));
		if (cycles.approve(cycleId, version, actor.userId()) == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.cycle.changed", c.label());
		}
		cycles.totals(cycleId);
		CycleView approved = cycles.find(cycleId).orElseThrow();
		ProgramView p = programs.find(c.programId()).orElseThrow();
		audit.record("roster.approve", "cycle", cycleId, Map.of("lines", approved.lineCount(), "totalFen", approved.totalFen()));
		events.publishEvent(new RosterApproved(cycleId, c.programId(), c.programCode(), c.periodKey(), c.organisationId(),
				approved.totalFen(), approved.lineCount(), p.content().fundCode()));
		return approved;
	}

	/** Sends a submitted roster back for review (not by its submitter). */
	@Transactional
	public CycleView sendBack(Scope scope, long cycleId, int version) {
		CycleView c = cycle(scope, cycleId);
		RosterReviewPolicy.fourEyes(Actor.require().userId(), c.submittedBy(), false);
		if (cycles.sendBack(cycleId, version) == 0) {
			throw new BangfuException(Problem.CONFLICT, "programs.cycle.changed", c.label());
		}
		audit.record("roster.sendBack", "cycle", cycleId, Map.of());
		return cycles.find(cycleId).orElseThrow();
	}

	/** A household's roster lines, newest first (system use: no scope, not audited). */
	public List<RosterLineView> ofHousehold(long householdId) {
		return lines.ofHousehold(householdId);
	}

	/** A household's payments in cycles of the caller's scope (the household page); the view is audited. */
	public List<HouseholdPayment> payments(Scope scope, long householdId) {
		var rows = lines.payments(scope, householdId);
		PaymentFunds fundsOf = paymentFunds.getIfAvailable();
		java.util.Map<Long, String> funds = rows.isEmpty() || fundsOf == null ? java.util.Map.of()
				: fundsOf.fundNames(rows.stream().map(p -> p.line().cycleId()).distinct().toList());
		List<HouseholdPayment> out = rows.stream()
			.map(p -> new HouseholdPayment(p.line(), p.programName(), p.cycleLabel(), p.payDate(), p.cycleStatus(),
					funds.get(p.line().cycleId())))
			.toList();
		audit.record("household.payments.view", "household", householdId, Map.of("lines", out.size()));
		return out;
	}

	private RosterLineView editableLine(Scope scope, long cycleId, long lineId) {
		CycleView c = cycle(scope, cycleId);
		if (cycles.lock(cycleId, true) != CycleStatus.GENERATED) {
			throw new BangfuException(Problem.CONFLICT, "programs.cycle.notEditable", c.label());
		}
		return lines.find(cycleId, lineId).orElseThrow(() -> BangfuException.notFound("programs.line.notFound", lineId));
	}

}
