package org.bangfu.exits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.exits.internal.StatusCorrectionStore;
import org.bangfu.registry.HouseholdCommands.CorrectStatus;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HouseholdStatus;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's correction of a household's status (a rare action outside the case chains,
 * e.g. a file wrongly marked exited by an old import): one administrator requests it with a
 * required reason, a second administrator approves or rejects it (four eyes); approval changes
 * the register through its façade. Every step is audited.
 */
@Service
public class StatusCorrections {

	private final StatusCorrectionStore store;

	private final HouseholdRegistry registry;

	private final AuditLog audit;

	StatusCorrections(StatusCorrectionStore store, HouseholdRegistry registry, AuditLog audit) {
		this.store = store;
		this.registry = registry;
		this.audit = audit;
	}

	@Transactional
	public CorrectionRow request(Actor actor, long householdId, HouseholdStatus target, LocalDate exitDate, String reason) {
		requireAdmin(actor);
		HouseholdView h = registry.find(actor.scope(), householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		if (target == null) {
			throw BangfuException.badField("target", "exits.correction.targetRequired");
		}
		if (reason == null || reason.isBlank()) {
			throw BangfuException.badField("reason", "registry.correction.reasonRequired");
		}
		if (h.status() == HouseholdStatus.DRAFT || target == HouseholdStatus.DRAFT) {
			throw new BangfuException(Problem.CONFLICT, "registry.status.correctDraft", h.fileNo());
		}
		if (h.status() == target) {
			throw new BangfuException(Problem.CONFLICT, "registry.status.correctSame", h.fileNo());
		}
		if (target == HouseholdStatus.EXITED && exitDate == null) {
			throw BangfuException.badField("exitDate", "registry.exitDate.required");
		}
		if (store.pendingFor(householdId)) {
			throw new BangfuException(Problem.CONFLICT, "exits.correction.pending", h.fileNo());
		}
		long id = store.insert(householdId, h.organisationId(), h.fileNo(), h.status().name(), target.name(),
				target == HouseholdStatus.EXITED ? exitDate : null, reason.strip(), actor.userId(), actor.login());
		audit.record("exits.correction.request", "household", householdId,
				Map.of("correction", id, "from", h.status().name(), "to", target.name(), "reason", reason.strip()));
		return store.lock(actor.scope(), id).orElseThrow();
	}

	/** A second administrator approves (the register's status changes) or rejects; the requester cannot decide. */
	@Transactional
	public CorrectionRow decide(Actor actor, long id, boolean approve, String note) {
		requireAdmin(actor);
		CorrectionRow c = store.lock(actor.scope(), id)
			.orElseThrow(() -> BangfuException.notFound("exits.correction.notFound", id));
		if (!c.pending()) {
			throw new BangfuException(Problem.CONFLICT, "exits.correction.decided", c.fileNo());
		}
		if (c.requestedById() == actor.userId()) {
			throw new BangfuException(Problem.CONFLICT, "exits.correction.fourEyes");
		}
		if (approve) {
			registry.correctStatus(actor.scope(), c.householdId(),
					new CorrectStatus(HouseholdStatus.valueOf(c.target()), c.exitDate(), c.reason(), c.id()));
		}
		else if (note == null || note.isBlank()) {
			throw BangfuException.badField("note", "exits.correction.rejectNoteRequired");
		}
		store.decide(id, approve ? "APPROVED" : "REJECTED", actor.login(), note == null || note.isBlank() ? null : note.strip());
		audit.record(approve ? "exits.correction.approve" : "exits.correction.reject", "household", c.householdId(),
				Map.of("correction", id, "to", c.target()));
		return store.lock(actor.scope(), id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<CorrectionRow> list(Actor actor) {
		requireAdmin(actor);
		return store.list(actor.scope(), 200);
	}

	private static void requireAdmin(Actor actor) {
		if (!actor.has(Role.ADMIN)) {
			throw BangfuException.forbidden();
		}
	}

}
