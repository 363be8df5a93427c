package org.bangfu.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.CaseCommands.Act;
import org.bangfu.cases.CaseCommands.OpenCase;
import org.bangfu.cases.CaseCommands.Submit;
import org.bangfu.cases.CaseCommands.Withdraw;
import org.bangfu.cases.internal.ActingOrganisation;
import org.bangfu.cases.internal.ActingPolicy;
import org.bangfu.cases.internal.CaseFlow;
import org.bangfu.cases.internal.CaseStore;
import org.bangfu.cases.internal.CaseStore.NewCase;
import org.bangfu.cases.internal.ChainStore;
import org.bangfu.cases.internal.ChecklistPolicy;
import org.bangfu.cases.internal.ChecklistPolicy.MemberRef;
import org.bangfu.cases.internal.DocumentStore;
import org.bangfu.cases.internal.FourEyesPolicy;
import org.bangfu.cases.internal.OpeningPolicy;
import org.bangfu.cases.internal.OrganisationFacts;
import org.bangfu.cases.internal.StepFormPolicy;
import org.bangfu.cases.internal.StepStore;
import org.bangfu.cases.internal.StepStore.StepActor;
import org.bangfu.cases.internal.TransitionLog;
import org.bangfu.cases.notice.ObjectionStore;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.registry.HouseholdChange;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Cases (M3): open a case for a household, submit it with its documents, decide its steps with
 * four eyes, and let the last decision change the register. Every method takes the acting user;
 * a case outside their scope does not exist for them. Decisions lock the case row and check the
 * version the user saw, so two people approving at once cannot both succeed.
 */
@Service
public class Cases {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CaseStore store;

	private final StepStore steps;

	private final TransitionLog log;

	private final ChainStore chains;

	private final ReviewChains reviewChains;

	private final CaseFlow flow;

	private final DocumentStore documents;

	private final ObjectionStore objections;

	private final OrganisationFacts organisations;

	private final HouseholdRegistry registry;

	private final DecisionSnapshots decisions;

	private final AuditLog audit;

	private final BusinessClock clock;

	Cases(CaseStore store, StepStore steps, TransitionLog log, ChainStore chains, ReviewChains reviewChains,
			CaseFlow flow, DocumentStore documents, ObjectionStore objections, OrganisationFacts organisations,
			HouseholdRegistry registry, DecisionSnapshots decisions, AuditLog audit, BusinessClock clock) {
		this.store = store;
		this.steps = steps;
		this.log = log;
		this.chains = chains;
		this.reviewChains = reviewChains;
		this.flow = flow;
		this.documents = documents;
		this.objections = objections;
		this.organisations = organisations;
		this.registry = registry;
		this.decisions = decisions;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The kind of organisation a household belongs to: the chains offered to its new cases and the
	 * default among them depend on it (the household as the actor found it in their scope).
	 */
	@Transactional(readOnly = true)
	public OrganisationType organisationKind(HouseholdView h) {
		return organisations.of(h.organisationId()).type();
	}

	@Transactional
	public CaseView open(Actor actor, OpenCase cmd) {
		requireWorker(actor);
		HouseholdView h = household(actor, cmd.householdId());
		OpeningPolicy.check(cmd.type(), h.status(), h.fileNo());
		if (cmd.type() == CaseType.NEW_FILING && store.hasApprovedFiling(h.id())) {
			throw BangfuException.badField("householdId", "cases.household.alreadyFiled", h.fileNo());
		}
		ActingOrganisation org = organisations.of(h.organisationId());
		ChainView chain = cmd.chainId() == null
				? reviewChains.defaultFor(cmd.type(), org.type())
					.orElseThrow(() -> BangfuException.badField("chainId", "cases.chain.none"))
				: chains.find(cmd.chainId()).orElseThrow(() -> BangfuException.badField("chainId", "cases.chain.notFound", cmd.chainId()));
		if (chain.caseType() != cmd.type() || !chain.active() || !chain.current() || chain.steps().isEmpty()) {
			throw BangfuException.badField("chainId", "cases.chain.wrongType");
		}
		if (cmd.type() == CaseType.EXIT && cmd.exitDate() == null) {
			throw BangfuException.badField("exitDate", "cases.exitDate.required");
		}
		if (cmd.type() == CaseType.CHANGE && cmd.change() == null) {
			throw BangfuException.badField("change", "cases.change.required");
		}
		Instant now = clock.now();
		long id = store.insert(new NewCase(cmd.type(), chain.id(), h.id(), h.fileNo(), h.headName(), h.organisationId(),
				h.regionCode(), cmd.summary(), cmd.requestedAmount(), cmd.type() == CaseType.EXIT ? cmd.exitDate() : null,
				cmd.type() == CaseType.CHANGE ? JSON.writeValueAsString(cmd.change()) : null), actor, now);
		CaseView c = store.lock(actor.scope(), id, null, clock.today());
		log.record(id, c.caseNo(), person(actor), "open", null, CaseStatus.DRAFT, null, null, now,
				Map.of("type", cmd.type().name(), "household", h.fileNo(), "chain", chain.code()));
		return c;
	}

	/** Submits a draft (freezing the identification decision) or resubmits a returned case to the step that returned it. */
	@Transactional
	public CaseView submit(Actor actor, long id, Submit cmd) {
		requireWorker(actor);
		LocalDate today = clock.today();
		CaseView c = store.lock(actor.scope(), id, cmd.version(), today);
		if (!c.status().editable()) {
			throw new BangfuException(Problem.CONFLICT, "cases.case.notEditable", c.caseNo());
		}
		HouseholdView h = household(actor, c.householdId());
		ChainView chain = chains.require(c.chainId());
		ChecklistPolicy.require(ChecklistPolicy.missing(checklistOf(c), documents.refs(id), members(h)));
		boolean first = c.status() == CaseStatus.DRAFT;
		int position = first ? chain.steps().get(0).position() : c.currentPosition();
		Optional<FrozenDecision> decision = first ? decisions.current(h.id()) : Optional.empty();
		Long changeId = first ? registry.history(actor.scope(), h.id()).stream().findFirst().map(HouseholdChange::id).orElse(null)
				: null;
		Instant now = clock.now();
		store.submitted(id, actor, now, decision, first, changeId, h.version(), h.fileNo(), h.headName(), position);
		flow.start(id, chain.step(position).orElseThrow(), now);
		log.record(id, c.caseNo(), person(actor), first ? "submit" : "resubmit", c.status(), CaseStatus.IN_REVIEW, position,
				cmd.comment(), now, Map.of("decisionFrozen", decision.isPresent()));
		return store.find(actor.scope(), id, today).orElseThrow();
	}

	/** Decides the current step: the user must hold the step's role at its level, and must not have decided the step before. */
	@Transactional
	public CaseView act(Actor actor, long id, Act cmd) {
		LocalDate today = clock.today();
		CaseView c = store.lock(actor.scope(), id, cmd.version(), today);
		if (c.status() != CaseStatus.IN_REVIEW) {
			throw new BangfuException(Problem.CONFLICT, "cases.case.notInReview", c.caseNo());
		}
		ChainView chain = chains.require(c.chainId());
		ChainStepView step = chain.step(c.currentPosition()).orElseThrow();
		if (step.notice()) {
			throw new BangfuException(Problem.CONFLICT, "cases.act.noticeStep");
		}
		ActingOrganisation org = organisations.of(actor.organisationId());
		ActingPolicy.requireMayAct(step, actor.roles(), org);
		FourEyesPolicy.check(actor.userId(), c.submittedById(), c.createdById(),
				steps.previousActor(id, step.position()).orElse(null));
		if (!step.allows(cmd.outcome())) {
			throw BangfuException.badField("outcome", "cases.outcome.notAllowed");
		}
		Map<String, Object> form = StepFormPolicy.check(step.form(), cmd.outcome(), cmd.comment(), cmd.form(), today);
		if (cmd.outcome() == Outcome.PASS) {
			long open = objections.openCount(id);
			if (open > 0) {
				throw new BangfuException(Problem.CONFLICT, "cases.objection.open", open);
			}
			HouseholdView h = household(actor, c.householdId());
			ChecklistPolicy.require(ChecklistPolicy.missing(ChecklistPolicy.forStep(step.requiredDocuments()),
					documents.refs(id), members(h)));
		}
		StepView open = steps.open(id, today).orElseThrow();
		StepActor me = person(actor);
		flow.decide(actor.scope(), c, chain, open, cmd.outcome(), me, me, false, cmd.comment(), form, clock.now());
		return store.find(actor.scope(), id, today).orElseThrow();
	}

	@Transactional
	public CaseView withdraw(Actor actor, long id, Withdraw cmd) {
		requireWorker(actor);
		CaseView c = store.lock(actor.scope(), id, cmd.version(), clock.today());
		if (!c.status().editable()) {
			throw new BangfuException(Problem.CONFLICT, "cases.case.notEditable", c.caseNo());
		}
		Instant now = clock.now();
		store.decided(id, CaseStatus.WITHDRAWN, cmd.comment(), null, null, now);
		log.record(id, c.caseNo(), person(actor), "withdraw", c.status(), CaseStatus.WITHDRAWN, c.currentPosition(),
				cmd.comment(), now, Map.of());
		return store.find(actor.scope(), id, clock.today()).orElseThrow();
	}

	/** A person looks at a case: audited (it shows a household's data). */
	@Transactional
	public CaseView view(Actor actor, long id) {
		CaseView c = require(actor, id);
		audit.record("case.view", "case", id, Map.of("caseNo", c.caseNo()));
		return c;
	}

	/** The case without auditing (checks, redirects). */
	@Transactional(readOnly = true)
	public CaseView require(Actor actor, long id) {
		return store.find(actor.scope(), id, clock.today())
			.orElseThrow(() -> BangfuException.notFound("cases.case.notFound", id));
	}

	@Transactional(readOnly = true)
	public CasePage search(Actor actor, CaseQuery query) {
		return store.search(actor, organisations.of(actor.organisationId()), query, clock.today());
	}

	@Transactional(readOnly = true)
	public List<StepView> steps(Actor actor, long id) {
		require(actor, id);
		return steps.all(id, clock.today());
	}

	@Transactional(readOnly = true)
	public List<TransitionView> timeline(Actor actor, long id) {
		require(actor, id);
		return log.all(id);
	}

	public ChainView chain(CaseView c) {
		return chains.require(c.chainId());
	}

	/** The current step of an open case, who acts on it and whether this user may. */
	@Transactional(readOnly = true)
	public Optional<NextStep> next(Actor actor, CaseView c) {
		if (c.status() != CaseStatus.IN_REVIEW || c.currentPosition() == null) {
			return Optional.empty();
		}
		ChainStepView step = chains.require(c.chainId()).step(c.currentPosition()).orElseThrow();
		String reason = null;
		if (step.notice()) {
			reason = "cases.next.byNotice";
		}
		else if (!ActingPolicy.mayAct(step, actor.roles(), organisations.of(actor.organisationId()))) {
			reason = "cases.next.notYours";
		}
		else if (!FourEyesPolicy.allows(actor.userId(), c.submittedById(), c.createdById(),
				steps.previousActor(c.id(), step.position()).orElse(null))) {
			reason = "cases.next.fourEyes";
		}
		return Optional.of(new NextStep(step, c.dueDate(), c.overdue(), reason == null, reason));
	}

	/** Changes of the household's file after the case was submitted (the frozen decision may no longer fit). */
	@Transactional(readOnly = true)
	public List<HouseholdChange> changesSinceSubmission(Actor actor, CaseView c) {
		if (c.householdChangeId() == null) {
			return List.of();
		}
		return registry.history(actor.scope(), c.householdId())
			.stream()
			.filter(ch -> ch.id() > c.householdChangeId())
			.toList();
	}

	/** What the case still lacks before it can be submitted (plan 18's checklist for its type). */
	@Transactional(readOnly = true)
	public List<MissingDocument> missingForSubmission(Actor actor, CaseView c) {
		return ChecklistPolicy.missing(checklistOf(c), documents.refs(c.id()), members(household(actor, c.householdId())));
	}

	/** The checklist items that bind the case: required ones added before it was opened. */
	private List<ChecklistItem> checklistOf(CaseView c) {
		return chains.checklist(c.type()).stream().filter(i -> i.appliesTo(c.createdAt())).toList();
	}

	/** What the current step still lacks before it can pass. */
	@Transactional(readOnly = true)
	public List<MissingDocument> missingForStep(Actor actor, CaseView c) {
		if (c.currentPosition() == null) {
			return List.of();
		}
		ChainStepView step = chains.require(c.chainId()).step(c.currentPosition()).orElseThrow();
		return ChecklistPolicy.missing(ChecklistPolicy.forStep(step.requiredDocuments()), documents.refs(c.id()),
				members(household(actor, c.householdId())));
	}

	public LocalDate today() {
		return clock.today();
	}

	static StepActor person(Actor actor) {
		return new StepActor(actor.userId(), actor.login(), actor.displayName(), actor.organisationId());
	}

	private HouseholdView household(Actor actor, long householdId) {
		return registry.find(actor.scope(), householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
	}

	private static List<MemberRef> members(HouseholdView h) {
		return h.members().stream().map(m -> new MemberRef(m.id(), m.name())).toList();
	}

	static void requireWorker(Actor actor) {
		if (!(actor.has(Role.CASEWORKER) || actor.has(Role.REVIEWER) || actor.has(Role.APPROVER))) {
			throw BangfuException.forbidden();
		}
	}

}
