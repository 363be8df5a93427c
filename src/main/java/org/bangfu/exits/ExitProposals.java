package org.bangfu.exits;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.CaseCommands.OpenCase;
import org.bangfu.cases.CaseType;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.Cases;
import org.bangfu.exits.internal.ProposalActionStore;
import org.bangfu.exits.internal.ExitProposalQuery;
import org.bangfu.exits.internal.ExitProposalQuery.Line;
import org.bangfu.exits.internal.ExitProposalQuery.RegionKind;
import org.bangfu.identification.StandardBasis;
import org.bangfu.identification.StandardView;
import org.bangfu.identification.Standards;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.Vocabulary.HardshipCause;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exit proposals (脱困提示), computed on demand over the caller's scope (one statement, see
 * ExitProposalQuery) with the line of the organisation's setting resolved per region through
 * identification's standards. A proposal opens an EXIT case in its chain (review, notice,
 * approval) or is dismissed with a reason (then proposed again only on six months after the
 * dismissal). A household with nobody able to work is never proposed: it is listed for the safety
 * net (解困) and gets an ASSISTANCE case whose summary names the safety net asked for (dibao or
 * destitute support). Causes are marked resolved one by one. Everything is audited.
 */
@Service
public class ExitProposals {

	/** The safety net asked for in an ASSISTANCE case opened from the safety-net list. */
	public enum SafetyNet {
		DIBAO, DESTITUTE
	}

	private final ExitProposalQuery query;

	private final ProposalActionStore actions;

	private final Standards standards;

	private final Cases cases;

	private final HouseholdRegistry registry;

	private final AuditLog audit;

	private final BusinessClock clock;

	ExitProposals(ExitProposalQuery query, ProposalActionStore actions, Standards standards, Cases cases, HouseholdRegistry registry,
			AuditLog audit, BusinessClock clock) {
		this.query = query;
		this.actions = actions;
		this.standards = standards;
		this.cases = cases;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
	}

	/** The three lists of the caller's scope; audited as a view of personal data (heads' names). */
	@Transactional
	public Proposals list(Actor actor) {
		List<ProposalRow> rows = compute(actor.scope(), null);
		List<ProposalRow> proposed = new ArrayList<>();
		List<ProposalRow> waiting = new ArrayList<>();
		List<ProposalRow> safetyNet = new ArrayList<>();
		for (ProposalRow r : rows) {
			if (!r.able()) {
				safetyNet.add(r);
			}
			else if (r.causesResolved() || r.openCaseNo() != null) {
				proposed.add(r);
			}
			else {
				waiting.add(r);
			}
		}
		audit.record("exits.proposals.view", "household", "list",
				Map.of("proposed", proposed.size(), "waiting", waiting.size(), "safetyNet", safetyNet.size()));
		return new Proposals(proposed, waiting, safetyNet);
	}

	/** Opens the EXIT case of a proposal in the default exit chain, exit date today, the months in its summary. */
	@Transactional
	public CaseView openExitCase(Actor actor, long householdId) {
		ProposalRow p = require(actor, householdId);
		if (!p.able()) {
			throw new BangfuException(Problem.CONFLICT, "exits.proposal.noAbleMember", p.fileNo());
		}
		if (p.openCaseNo() != null) {
			throw new BangfuException(Problem.CONFLICT, "exits.proposal.caseOpen", p.fileNo(), p.openCaseNo());
		}
		if (!p.causesResolved()) {
			throw new BangfuException(Problem.CONFLICT, "exits.proposal.causesOpen", p.fileNo(), String.join(", ", p.unresolvedCauses()));
		}
		String summary = "脱困提示：人均月收入连续 " + p.run() + " 个月高于" + p.lineKind() + "（" + p.monthsText()
				+ "），致困原因均已消除。Exit proposal: per-capita income above the line for " + p.run() + " months.";
		CaseView c = cases.open(actor, new OpenCase(CaseType.EXIT, householdId, null, summary, null, clock.today(), null));
		actions.record(householdId, "EXIT_CASE", c.id(), null, p.monthsText(), clock.today(), actor.login());
		audit.record("exits.proposal.openCase", "household", householdId, Map.of("case", c.caseNo(), "months", p.monthsText()));
		return c;
	}

	/** Dismisses a proposal with a reason; proposed again only on six months above the line after today's month. */
	@Transactional
	public void dismiss(Actor actor, long householdId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw BangfuException.badField("reason", "exits.dismiss.reasonRequired");
		}
		ProposalRow p = require(actor, householdId);
		actions.record(householdId, "DISMISSED", null, reason.strip(), p.monthsText(), clock.today(), actor.login());
		audit.record("exits.proposal.dismiss", "household", householdId, Map.of("reason", reason.strip(), "months", p.monthsText()));
	}

	/** Opens the ASSISTANCE case of a safety-net listing (解困: dibao or destitute support). */
	@Transactional
	public CaseView openSafetyNetCase(Actor actor, long householdId, SafetyNet net, String note) {
		if (net == null) {
			throw BangfuException.badField("net", "exits.safetyNet.required");
		}
		ProposalRow p = require(actor, householdId);
		if (p.able()) {
			throw new BangfuException(Problem.CONFLICT, "exits.safetyNet.hasAbleMember", p.fileNo());
		}
		String summary = (net == SafetyNet.DIBAO ? "解困：无劳动能力家庭，申请纳入低保兜底。" : "解困：无劳动能力家庭，申请特困人员救助供养。")
				+ (note == null || note.isBlank() ? "" : " " + note.strip()) + " Safety net: " + net.name();
		CaseView c = cases.open(actor, new OpenCase(CaseType.ASSISTANCE, householdId, null, summary, null, null, null));
		actions.record(householdId, "SAFETY_NET_CASE", c.id(), net.name(), p.monthsText(), clock.today(), actor.login());
		audit.record("exits.safetyNet.openCase", "household", householdId, Map.of("case", c.caseNo(), "net", net.name()));
		return c;
	}

	/** Marks a recorded hardship cause of the household resolved, with what resolved it. */
	@Transactional
	public void resolveCause(Actor actor, long householdId, HardshipCause cause, String note) {
		HouseholdView h = registry.find(actor.scope(), householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		if (cause == null || (h.mainCause() != cause && !h.secondaryCauses().contains(cause))) {
			throw BangfuException.badField("cause", "exits.cause.notRecorded", h.fileNo());
		}
		if (note == null || note.isBlank()) {
			throw BangfuException.badField("note", "exits.cause.noteRequired");
		}
		actions.resolve(householdId, cause.name(), clock.today(), note.strip(), actor.login());
		audit.record("exits.cause.resolve", "household", householdId, Map.of("cause", cause.name(), "note", note.strip()));
	}

	private ProposalRow require(Actor actor, long householdId) {
		registry.find(actor.scope(), householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		return compute(actor.scope(), householdId).stream()
			.findFirst()
			.orElseThrow(() -> new BangfuException(Problem.CONFLICT, "exits.proposal.none", householdId));
	}

	private List<ProposalRow> compute(Scope scope, Long householdId) {
		List<Line> lines = new ArrayList<>();
		for (RegionKind rk : query.regionKinds(scope, householdId)) {
			StandardView f = standards.resolve(rk.regionCode(), clock.today(), Set.of(rk.kind())).get(rk.kind());
			if (f != null && f.basis() != StandardBasis.RATIO) {
				lines.add(new Line(rk.regionCode(), rk.kind(), f.value(), f.basis() == StandardBasis.YEAR));
			}
		}
		return query.candidates(scope, householdId, clock.today(), lines);
	}


}
