package org.bangfu.programs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.programs.internal.handover.ConfirmationImages;
import org.bangfu.programs.internal.handover.HandoverSheetPdf;
import org.bangfu.programs.internal.handover.HandoverStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hand-over of goods, vouchers and services (发放签收): the lines of an approved roster of a
 * non-cash program are handed over one by one at a delivery point, each once, to the beneficiary
 * or a named proxy, with the recipient's confirmation image; or recorded as not handed over
 * (refused, moved, deceased). Every hand-over, every view of the lines, of a confirmation and of
 * a household's hand-overs is audited. Cycles are seen within the caller's organisation subtree.
 */
@Service
public class Handovers {

	static final int SHEET_LIMIT = 2000;

	private final Rosters rosters;

	private final HandoverStore store;

	private final ConfirmationImages images;

	private final HandoverSheetPdf sheetPdf;

	private final AuditLog audit;

	private final BusinessClock clock;

	Handovers(Rosters rosters, HandoverStore store, ConfirmationImages images, HandoverSheetPdf sheetPdf, AuditLog audit,
			BusinessClock clock) {
		this.rosters = rosters;
		this.store = store;
		this.images = images;
		this.sheetPdf = sheetPdf;
		this.audit = audit;
		this.clock = clock;
	}

	/** The cycle, refused unless it is an approved roster of goods, vouchers or a service. */
	public CycleView handable(Scope scope, long cycleId) {
		CycleView c = rosters.cycle(scope, cycleId);
		if (c.form() == ProgramForm.CASH) {
			throw new BangfuException(Problem.CONFLICT, "handover.cash", c.label());
		}
		if (c.status() != CycleStatus.APPROVED) {
			throw new BangfuException(Problem.CONFLICT, "handover.notApproved", c.label());
		}
		return c;
	}

	/** Approved rosters of goods, vouchers or services in the caller's scope, with their progress, newest first. */
	public List<HandoverCycle> cycles(Scope scope) {
		List<CycleView> cycles = rosters.cycles(scope).stream()
			.filter(c -> c.form() != ProgramForm.CASH && c.status() == CycleStatus.APPROVED)
			.toList();
		Map<Long, HandoverProgress> progress = store.progress(cycles.stream().map(CycleView::id).toList());
		return cycles.stream()
			.map(c -> new HandoverCycle(c, progress.getOrDefault(c.id(), new HandoverProgress(0, 0, 0))))
			.toList();
	}

	public HandoverProgress progress(Scope scope, long cycleId) {
		rosters.cycle(scope, cycleId);
		return store.progress(cycleId);
	}

	/** The lines to hand over (filter OPEN, DONE or ALL; a name searched by its start); the view is audited. */
	public List<HandoverView> lines(Scope scope, long cycleId, String filter, String name) {
		handable(scope, cycleId);
		List<HandoverView> out = store.sheet(cycleId, filter, name, SHEET_LIMIT);
		audit.record("handover.view", "cycle", cycleId, Map.of("filter", filter == null ? "ALL" : filter, "lines", out.size()));
		return out;
	}

	/** One line with its hand-over (audited). */
	public HandoverView line(Scope scope, long cycleId, long lineId) {
		handable(scope, cycleId);
		HandoverView l = store.line(cycleId, lineId).orElseThrow(() -> BangfuException.notFound("programs.line.notFound", lineId));
		audit.record("handover.view", "rosterLine", lineId, Map.of("cycle", cycleId));
		return l;
	}

	/**
	 * Records the line's hand-over once. Handed over: the recipient (the beneficiary by default, or a
	 * proxy with name and relation) and the confirmation image are required. Not handed over: the
	 * outcome is the reason. A second record of the same line is refused, whoever tries.
	 */
	@Transactional
	public HandoverView record(Scope scope, long cycleId, long lineId, HandOver h, byte[] confirmation) {
		CycleView c = handable(scope, cycleId);
		HandoverView line = store.line(cycleId, lineId)
			.orElseThrow(() -> BangfuException.notFound("programs.line.notFound", lineId));
		if (!line.open()) {
			throw new BangfuException(Problem.CONFLICT, "handover.already", line.payeeName());
		}
		if (h.outcome() == null) {
			throw BangfuException.badField("outcome", "handover.outcome.required");
		}
		HandOver cmd = new HandOver(h.outcome(), h.proxy(), text(h.recipientName(), 50, "recipientName"),
				text(h.proxyRelation(), 30, "proxyRelation"), text(h.deliveryPoint(), 100, "deliveryPoint"),
				text(h.note(), 500, "note"));
		String recipient = null;
		if (cmd.outcome().handedOver()) {
			if (cmd.proxy() && cmd.recipientName() == null) {
				throw BangfuException.badField("recipientName", "handover.proxy.name.required");
			}
			if (cmd.proxy() && cmd.proxyRelation() == null) {
				throw BangfuException.badField("proxyRelation", "handover.proxy.relation.required");
			}
			recipient = cmd.proxy() ? cmd.recipientName() : line.payeeName();
		}
		String key = cmd.outcome().handedOver() ? images.store(confirmation) : null;
		Actor actor = Actor.require();
		Instant now = clock.now();
		String item = c.programName() + " " + line.amountText();
		try {
			if (!store.insert(lineId, item, cmd, recipient, key, key == null ? null : "image/jpeg", now, actor)) {
				throw new BangfuException(Problem.CONFLICT, "handover.already", line.payeeName());
			}
		}
		catch (RuntimeException ex) {
			if (key != null) {
				images.discard(key);
			}
			throw ex;
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("cycle", cycleId);
		details.put("household", line.householdId());
		details.put("outcome", cmd.outcome().name());
		details.put("proxy", cmd.outcome().handedOver() && cmd.proxy());
		if (cmd.deliveryPoint() != null) {
			details.put("deliveryPoint", cmd.deliveryPoint());
		}
		audit.record("handover.record", "rosterLine", lineId, details);
		return store.line(cycleId, lineId).orElseThrow();
	}

	/** A household's hand-overs in cycles of the caller's scope, newest first; the view is audited. */
	public List<HandoverView> ofHousehold(Scope scope, long householdId) {
		List<HandoverView> out = store.ofHousehold(scope, householdId);
		audit.record("household.handovers.view", "household", householdId, Map.of("lines", out.size()));
		return out;
	}

	/**
	 * The confirmation image of a handed-over line whose household is in the caller's scope (a
	 * village cadre sees it on the ledger though the cycle belongs to the county); audited as a
	 * view of personal data.
	 */
	public Path confirmation(Scope scope, long cycleId, long lineId) {
		String key = store.confirmation(scope, cycleId, lineId)
			.orElseThrow(() -> BangfuException.notFound("handover.confirmation.notFound", lineId));
		audit.record("handover.confirmation.view", "rosterLine", lineId, Map.of("cycle", cycleId));
		return images.path(key);
	}

	/** The hand-over sheet (list to sign) of the lines still open, as an A4 PDF (audited as an export). */
	public byte[] sheet(Scope scope, long cycleId, String deliveryPoint, Locale locale) {
		CycleView c = handable(scope, cycleId);
		List<HandoverView> open = store.sheet(cycleId, "OPEN", null, SHEET_LIMIT);
		audit.record("handover.sheet", "cycle", cycleId, Map.of("lines", open.size()));
		return sheetPdf.render(c, deliveryPoint == null || deliveryPoint.isBlank() ? null : deliveryPoint.strip(), open,
				clock.today(), locale);
	}

	private static String text(String value, int max, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String v = value.strip();
		if (v.length() > max) {
			throw BangfuException.badField(field, "handover.text.size", max);
		}
		return v;
	}

}
