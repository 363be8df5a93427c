package org.bangfu.exits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.exits.internal.ExitFollowUpStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-up visits (回头看) after an approved exit: scheduled from the exit date every interval
 * months for the organisation's follow-up period (default 12 months, every 3), listed with the
 * overdue ones first, and recorded with the visitors, findings and whether the household is
 * stable. Listing schedules what is missing first, so a household exited yesterday has its visits.
 */
@Service
public class ExitFollowUps {

	private final ExitFollowUpStore store;

	private final AuditLog audit;

	private final BusinessClock clock;

	ExitFollowUps(ExitFollowUpStore store, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/** Schedules the missing follow-ups of the scope (set-based); returns how many were added. */
	@Transactional
	public int schedule(Actor actor) {
		return store.schedule(actor.scope(), clock.today());
	}

	/** Follow-ups of the scope (one household, or only the overdue ones); audited as a view of personal data. */
	@Transactional
	public List<FollowUpRow> list(Actor actor, Long householdId, boolean overdueOnly) {
		store.schedule(actor.scope(), clock.today());
		List<FollowUpRow> rows = store.list(actor.scope(), householdId, overdueOnly, clock.today(), 500);
		audit.record("exits.followUps.view", "household", householdId == null ? "list" : householdId,
				Map.of("rows", rows.size(), "overdueOnly", overdueOnly));
		return rows;
	}

	/** Records a follow-up visit (not in the future, not before the exit). */
	@Transactional
	public FollowUpRow record(Actor actor, long id, LocalDate visitedOn, String visitors, String findings, Boolean stable) {
		LocalDate today = clock.today();
		FollowUpRow f = store.find(actor.scope(), id, today)
			.orElseThrow(() -> BangfuException.notFound("exits.followUp.notFound", id));
		if (f.done()) {
			throw new BangfuException(Problem.CONFLICT, "exits.followUp.done", f.fileNo(), f.visitedOn());
		}
		if (visitedOn == null || visitedOn.isAfter(today) || visitedOn.isBefore(f.exitDate())) {
			throw BangfuException.badField("visitedOn", "exits.followUp.date", f.exitDate(), today);
		}
		if (visitors == null || visitors.isBlank()) {
			throw BangfuException.badField("visitors", "exits.followUp.visitorsRequired");
		}
		if (stable == null) {
			throw BangfuException.badField("stable", "exits.followUp.stableRequired");
		}
		store.record(id, visitedOn, visitors.strip(), findings == null || findings.isBlank() ? null : findings.strip(), stable,
				actor.login());
		audit.record("exits.followUp.record", "household", f.householdId(),
				Map.of("followUp", id, "seq", f.seq(), "visitedOn", visitedOn.toString(), "stable", stable));
		return store.find(actor.scope(), id, today).orElseThrow();
	}

	public LocalDate today() {
		return clock.today();
	}

}
