package org.bangfu.crosscheck;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.CaseCommands.OpenCase;
import org.bangfu.cases.CaseType;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.Cases;
import org.bangfu.crosscheck.internal.FindingStore;
import org.bangfu.crosscheck.internal.FollowUpPolicy;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings of the cross-check: listed per organisation subtree (every look at them is audited,
 * they are personal data), confirmed or dismissed with a reason by a reviewer; a confirmed finding
 * can open a change or exit case for its household, or be marked as corrected in the file.
 */
@Service
public class Findings {

	public static final int MAX_PAGE = 200;

	private final FindingStore store;

	private final Cases cases;

	private final HouseholdRegistry registry;

	private final AuditLog audit;

	private final BusinessClock clock;

	Findings(FindingStore store, Cases cases, HouseholdRegistry registry, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.cases = cases;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/** A page of findings (audited as a view of personal data). */
	@Transactional
	public List<FindingView> list(Scope scope, FindingStatus status, Long extractId, Long householdId, int offset,
			int limit) {
		List<FindingView> page = store.list(scope, status, extractId, householdId, Math.max(0, offset),
				Math.min(Math.max(1, limit), MAX_PAGE));
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("status", status == null ? "" : status.name());
		detail.put("extract", extractId == null ? "" : extractId);
		detail.put("household", householdId == null ? "" : householdId);
		detail.put("findings", page.stream().map(FindingView::id).toList());
		audit.record("crosscheck.findings.view", "organisation", scope.organisationId(), detail);
		return page;
	}

	/** One finding with its evidence (audited as a view of personal data). */
	@Transactional
	public FindingView finding(Scope scope, long id) {
		FindingView f = require(scope, id);
		audit.record("crosscheck.finding.view", "crosscheckFinding", id, Map.of("household", f.fileNo()));
		return f;
	}

	/** Dismisses an open finding with a reason (a reviewer or an approver). */
	@Transactional
	public FindingView dismiss(Actor actor, long id, String reason) {
		requireReviewer(actor);
		FindingView f = require(actor.scope(), id);
		String why = reason(reason);
		decide(actor, f, FindingStatus.DISMISSED, why, FollowUp.NONE, null);
		return require(actor.scope(), id);
	}

	/**
	 * Confirms an open finding with a reason; a change or exit case is opened for the household
	 * when asked (as a draft the caller submits through its review chain).
	 */
	@Transactional
	public FindingView confirm(Actor actor, long id, String reason, FollowUp followUp) {
		requireReviewer(actor);
		FindingView f = require(actor.scope(), id);
		String why = reason(reason);
		FollowUp next = followUp == null ? FollowUp.NONE : followUp;
		Long caseId = null;
		if (next == FollowUp.CHANGE_CASE || next == FollowUp.EXIT_CASE) {
			HouseholdView h = registry.find(actor.scope(), f.householdId())
				.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", f.householdId()));
			LocalDate today = clock.today();
			String summary = FollowUpPolicy.summary(f, why);
			CaseView c = next == FollowUp.EXIT_CASE
					? cases.open(actor, new OpenCase(CaseType.EXIT, h.id(), null, summary, null, today, null))
					: cases.open(actor, new OpenCase(CaseType.CHANGE, h.id(), null, summary, null, null,
							FollowUpPolicy.change(h, f)));
			caseId = c.id();
		}
		decide(actor, f, FindingStatus.CONFIRMED, why, next, caseId);
		return require(actor.scope(), id);
	}

	private void decide(Actor actor, FindingView f, FindingStatus status, String reason, FollowUp followUp, Long caseId) {
		if (f.status() != FindingStatus.OPEN
				|| !store.decide(f.id(), status, reason, followUp == FollowUp.NONE ? null : followUp.name(), caseId,
						actor.login(), clock.now())) {
			throw BangfuException.badField("status", "crosscheck.finding.decided");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("household", f.fileNo());
		detail.put("kind", f.kind().name());
		detail.put("reason", reason);
		detail.put("followUp", followUp.name());
		if (caseId != null) {
			detail.put("case", caseId);
		}
		audit.record(status == FindingStatus.CONFIRMED ? "crosscheck.finding.confirm" : "crosscheck.finding.dismiss",
				"crosscheckFinding", f.id(), detail);
	}

	private FindingView require(Scope scope, long id) {
		return store.find(scope, id).orElseThrow(() -> BangfuException.notFound("crosscheck.finding.notFound", id));
	}

	private static String reason(String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw BangfuException.badField("reason", "crosscheck.finding.reason");
		}
		return why;
	}

	private static void requireReviewer(Actor actor) {
		if (!(actor.has(Role.REVIEWER) || actor.has(Role.APPROVER) || actor.has(Role.ADMIN))) {
			throw BangfuException.forbidden();
		}
	}

}
