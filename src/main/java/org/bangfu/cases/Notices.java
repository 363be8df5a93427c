package org.bangfu.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.NoticeCommands.CreateNotice;
import org.bangfu.cases.NoticeCommands.PublicObjection;
import org.bangfu.cases.NoticeCommands.PublicObjectionResult;
import org.bangfu.cases.NoticeCommands.RecordObjection;
import org.bangfu.cases.NoticeCommands.Resolve;
import org.bangfu.cases.PublicNotice.PublicRow;
import org.bangfu.cases.internal.ActingPolicy;
import org.bangfu.cases.internal.CaseFlow;
import org.bangfu.cases.internal.CaseStore;
import org.bangfu.cases.internal.ChainStore;
import org.bangfu.cases.internal.OrganisationFacts;
import org.bangfu.cases.internal.StepStore;
import org.bangfu.cases.internal.StepStore.StepActor;
import org.bangfu.cases.internal.TransitionLog;
import org.bangfu.cases.notice.NameMaskingPolicy;
import org.bangfu.cases.notice.NoticePdf;
import org.bangfu.cases.notice.NoticeStore;
import org.bangfu.cases.notice.NoticeStore.RowSnapshot;
import org.bangfu.cases.notice.ObjectionRateLimit;
import org.bangfu.cases.notice.ObjectionStore;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;
import org.bangfu.shared.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public notices (公示, M5). A reviewer groups cases waiting at a notice step into a notice and
 * publishes it for its period; what the public sees is copied at publication (names full or
 * masked; never ID numbers, phones, bank accounts or health details). Anyone may object on the
 * public page (rate-limited per address); staff record objections received otherwise. An open
 * objection holds that case; when the period has ended, every case without one passes its notice
 * step by itself, and the notice closes with its result.
 */
@Service
public class Notices {

	private static final Logger log = LoggerFactory.getLogger(Notices.class);

	static final List<NoticeColumn> DEFAULT_COLUMNS = List.of(NoticeColumn.NAME, NoticeColumn.ORGANISATION,
			NoticeColumn.REGION, NoticeColumn.HOUSEHOLD_SIZE, NoticeColumn.CASE_TYPE);

	private static final StepActor SYSTEM = new StepActor(null, "system", null, null);

	private final NoticeStore notices;

	private final ObjectionStore objections;

	private final ObjectionRateLimit rateLimit;

	private final CaseStore cases;

	private final StepStore steps;

	private final ChainStore chains;

	private final CaseFlow flow;

	private final TransitionLog transitions;

	private final OrganisationFacts organisations;

	private final HouseholdRegistry registry;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final BusinessClock clock;

	private final boolean maskNamesByDefault;

	private final NoticePdf pdf;

	Notices(NoticePdf pdf, NoticeStore notices, ObjectionStore objections, ObjectionRateLimit rateLimit, CaseStore cases,
			StepStore steps, ChainStore chains, CaseFlow flow, TransitionLog transitions,
			OrganisationFacts organisations, HouseholdRegistry registry, WorkingCalendar calendar, AuditLog audit,
			ApplicationEventPublisher events, MessageSource messages, JdbcClient jdbc,
			PlatformTransactionManager transactions, BusinessClock clock,
			@Value("${bangfu.notices.mask-names:true}") boolean maskNamesByDefault) {
		this.notices = notices;
		this.objections = objections;
		this.rateLimit = rateLimit;
		this.cases = cases;
		this.steps = steps;
		this.chains = chains;
		this.flow = flow;
		this.transitions = transitions;
		this.organisations = organisations;
		this.registry = registry;
		this.calendar = calendar;
		this.audit = audit;
		this.events = events;
		this.messages = messages;
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maskNamesByDefault = maskNamesByDefault;
		this.pdf = pdf;
	}

	public boolean maskNamesByDefault() {
		return maskNamesByDefault;
	}

	/** Cases in the caller's scope waiting at a notice step and not yet in an open notice. */
	@Transactional(readOnly = true)
	public List<CaseRow> candidates(Actor actor) {
		return cases.atNoticeStep(actor.scope(), clock.today());
	}

	@Transactional
	public NoticeView create(Actor actor, CreateNotice cmd) {
		requireReviewer(actor);
		long orgId = cmd.organisationId() == null ? actor.organisationId() : cmd.organisationId();
		var org = organisations.of(orgId);
		if (!actor.scope().contains(org.path())) {
			throw BangfuException.notFound("organisation.notFound", orgId);
		}
		if (cmd.caseIds() == null || cmd.caseIds().isEmpty()) {
			throw BangfuException.badField("caseIds", "notices.cases.required");
		}
		var actorOrg = organisations.of(actor.organisationId());
		ChainView firstChain = null;
		LocalDate today = clock.today();
		for (long caseId : new HashSet<>(cmd.caseIds())) {
			CaseView c = cases.lock(actor.scope(), caseId, null, today);
			ChainView chain = chains.require(c.chainId());
			ChainStepView step = c.currentPosition() == null ? null : chain.step(c.currentPosition()).orElse(null);
			if (c.status() != CaseStatus.IN_REVIEW || step == null || !step.notice()) {
				throw BangfuException.badField("caseIds", "notices.case.notAtNotice", c.caseNo());
			}
			ActingPolicy.requireMayAct(step, actor.roles(), actorOrg);
			if (!organisations.of(c.organisationId()).path().startsWith(org.path())) {
				throw BangfuException.badField("caseIds", "notices.case.outsideOrganisation", c.caseNo());
			}
			if (notices.openNoticeOf(caseId).isPresent()) {
				throw BangfuException.badField("caseIds", "notices.case.alreadyNoticed", c.caseNo());
			}
			if (firstChain == null) {
				firstChain = chain;
			}
		}
		int days = cmd.periodDays() != null ? cmd.periodDays() : firstChain.noticeDays();
		boolean working = cmd.workingDays() != null ? cmd.workingDays() : firstChain.noticeWorkingDays();
		List<NoticeColumn> columns = cmd.columns() == null || cmd.columns().isEmpty() ? DEFAULT_COLUMNS
				: cmd.columns().stream().distinct().sorted().toList();
		boolean mask = cmd.maskNames() == null ? maskNamesByDefault : cmd.maskNames();
		List<Long> ids = cmd.caseIds().stream().distinct().toList();
		long id = notices.insert(orgId, cmd.title(), cmd.body(), days, working, columns, mask, cmd.contact(), ids, actor);
		audit.record("notice.create", "notice", id, Map.of("title", cmd.title(), "cases", ids, "periodDays", days,
				"workingDays", working, "maskNames", mask));
		return notices.find(actor.scope(), id).orElseThrow();
	}

	/** Publishes a draft: copies what the public may see, sets the period from today and notes it on every case. */
	@Transactional
	public NoticeView publish(Actor actor, long id, Integer version) {
		requireReviewer(actor);
		require(actor, id);
		NoticeView n = notices.lock(id);
		notices.checkVersion(n, version);
		if (n.status() != NoticeStatus.DRAFT) {
			throw new BangfuException(Problem.CONFLICT, "notices.notDraft", n.title());
		}
		LocalDate today = clock.today();
		Instant now = clock.now();
		var actorOrg = organisations.of(actor.organisationId());
		for (NoticeRowView row : n.rows()) {
			CaseView c = cases.lock(actor.scope(), row.caseId(), null, today);
			ChainView chain = chains.require(c.chainId());
			ChainStepView step = c.currentPosition() == null ? null : chain.step(c.currentPosition()).orElse(null);
			if (c.status() != CaseStatus.IN_REVIEW || step == null || !step.notice()) {
				throw BangfuException.badField("caseIds", "notices.case.notAtNotice", c.caseNo());
			}
			ActingPolicy.requireMayAct(step, actor.roles(), actorOrg);
			HouseholdView h = registry.find(actor.scope(), c.householdId())
				.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", c.householdId()));
			String name = n.maskNames() ? NameMaskingPolicy.mask(h.headName()) : h.headName();
			notices.snapshot(id, new RowSnapshot(c.id(), name, h.organisationName(), h.regionName(), h.members().size(),
					c.type(), c.requestedAmount(), c.submittedAt() == null ? null
							: LocalDate.ofInstant(c.submittedAt(), BusinessClock.zone())));
			transitions.record(c.id(), c.caseNo(), new StepActor(actor.userId(), actor.login(), actor.displayName(),
					actor.organisationId()), "notice", c.status(), c.status(), c.currentPosition(), n.title(), now,
					Map.of("notice", id));
		}
		LocalDate ends = calendar.periodEnd(today, n.periodDays(), n.workingDays());
		notices.published(id, today, ends, actor, now);
		audit.record("notice.publish", "notice", id, Map.of("title", n.title(), "startsOn", today.toString(), "endsOn",
				ends.toString(), "rows", n.rows().size()));
		events.publishEvent(new NoticePublished(id, n.organisationId(), n.rows().size(), today, ends));
		return notices.find(actor.scope(), id).orElseThrow();
	}

	@Transactional
	public void deleteDraft(Actor actor, long id) {
		requireReviewer(actor);
		require(actor, id);
		NoticeView n = notices.lock(id);
		if (n.status() != NoticeStatus.DRAFT) {
			throw new BangfuException(Problem.CONFLICT, "notices.notDraft", n.title());
		}
		notices.deleteDraft(id);
		audit.record("notice.delete", "notice", id, Map.of("title", n.title()));
	}

	@Transactional(readOnly = true)
	public List<NoticeView> list(Actor actor, NoticeStatus status) {
		return notices.list(actor.scope(), status, 200);
	}

	@Transactional(readOnly = true)
	public NoticeView require(Actor actor, long id) {
		return notices.find(actor.scope(), id).orElseThrow(() -> BangfuException.notFound("notices.notFound", id));
	}

	@Transactional(readOnly = true)
	public List<ObjectionView> objections(Actor actor, long noticeId) {
		require(actor, noticeId);
		return objections.ofNotice(noticeId);
	}

	@Transactional
	public List<ObjectionView> objectionsOf(Actor actor, long caseId) {
		cases.find(actor.scope(), caseId, clock.today())
			.orElseThrow(() -> BangfuException.notFound("cases.case.notFound", caseId));
		List<ObjectionView> list = objections.ofCase(caseId);
		audit.record("case.view", "case", caseId, Map.of("objections", list.size()));
		return list;
	}

	/** Staff record an objection received on paper, by phone or in person. */
	@Transactional
	public ObjectionView record(Actor actor, long noticeId, RecordObjection cmd) {
		Cases.requireWorker(actor);
		require(actor, noticeId);
		NoticeView n = notices.lock(noticeId);
		if (n.status() == NoticeStatus.DRAFT) {
			throw new BangfuException(Problem.CONFLICT, "notices.notPublished", n.title());
		}
		NoticeRowView row = n.rows().stream().filter(r -> r.caseId() == cmd.caseId()).findFirst()
			.orElseThrow(() -> BangfuException.badField("caseId", "notices.objection.case.notInNotice"));
		CaseView c = cases.lock(actor.scope(), row.caseId(), null, clock.today());
		if (!c.status().open()) {
			throw new BangfuException(Problem.CONFLICT, "cases.case.decided", c.caseNo());
		}
		long id = objections.insert(noticeId, row.caseId(), cmd.channel(), cmd.objectorName(), cmd.objectorContact(),
				cmd.text(), actor.login(), clock.now());
		audit.record("notice.objection", "notice", noticeId, Map.of("objection", id, "caseNo", c.caseNo(), "row",
				row.rowNo(), "channel", cmd.channel()));
		return objections.lock(id).orElseThrow();
	}

	/**
	 * The public objects to a row of a published notice during its period. A filled honeypot field
	 * is ignored (as if accepted); more than the hourly allowance from one address is refused.
	 */
	@Transactional
	public PublicObjectionResult objectPublicly(long noticeId, PublicObjection cmd, String clientAddress) {
		NoticeView n = notices.findPublic(noticeId).orElseThrow(() -> BangfuException.notFound("notices.notFound", noticeId));
		if (!acceptsObjections(n)) {
			throw new BangfuException(Problem.CONFLICT, "notices.objection.closed");
		}
		if (!rateLimit.tryAcquire(clientAddress)) {
			return PublicObjectionResult.LIMITED;
		}
		if (cmd.website() != null && !cmd.website().isBlank()) {
			return PublicObjectionResult.IGNORED;
		}
		if (cmd.text() == null || cmd.text().isBlank()) {
			throw BangfuException.badField("text", "notices.objection.text.required");
		}
		if (cmd.text().length() > 2000 || (cmd.name() != null && cmd.name().length() > 50)
				|| (cmd.contact() != null && cmd.contact().length() > 100)) {
			throw BangfuException.badField("text", "cases.text.size");
		}
		NoticeRowView row = n.rows().stream().filter(r -> cmd.rowNo() != null && r.rowNo() == cmd.rowNo()).findFirst()
			.orElseThrow(() -> BangfuException.badField("rowNo", "notices.objection.row.required"));
		notices.lock(noticeId);
		long id = objections.insert(noticeId, row.caseId(), "WEB", cmd.name(), cmd.contact(), cmd.text(), null, clock.now());
		audit.record("notice.objection", "notice", noticeId, Map.of("objection", id, "row", row.rowNo(), "channel", "WEB"));
		return PublicObjectionResult.ACCEPTED;
	}

	/**
	 * Records the finding on an objection. Upheld: the case goes back for correction (its current
	 * step returns it with the finding). Not upheld: the case goes on — if the period has ended and
	 * nothing else is open, its notice step completes now.
	 */
	@Transactional
	public ObjectionView resolve(Actor actor, long objectionId, Resolve cmd) {
		if (!(actor.has(Role.REVIEWER) || actor.has(Role.APPROVER))) {
			throw BangfuException.forbidden();
		}
		ObjectionView o = objections.lock(objectionId)
			.orElseThrow(() -> BangfuException.notFound("notices.objection.notFound", objectionId));
		cases.find(actor.scope(), o.caseId(), clock.today())
			.orElseThrow(() -> BangfuException.notFound("notices.objection.notFound", objectionId));
		if (!o.open()) {
			throw new BangfuException(Problem.CONFLICT, "notices.objection.resolved");
		}
		if (cmd.upheld() == null) {
			throw BangfuException.badField("upheld", "notices.objection.upheld.required");
		}
		if (cmd.finding() == null || cmd.finding().isBlank()) {
			throw BangfuException.badField("finding", "notices.objection.finding.required");
		}
		NoticeView n = notices.lock(o.noticeId());
		Instant now = clock.now();
		objections.resolve(objectionId, cmd.upheld(), cmd.finding(), actor, now);
		audit.record("notice.objection.resolve", "notice", o.noticeId(), Map.of("objection", objectionId, "caseNo",
				o.caseNo(), "upheld", cmd.upheld(), "finding", cmd.finding().strip()));
		if (cmd.upheld()) {
			CaseView c = cases.lock(actor.scope(), o.caseId(), null, clock.today());
			if (c.status() == CaseStatus.IN_REVIEW) {
				ChainView chain = chains.require(c.chainId());
				StepActor me = new StepActor(actor.userId(), actor.login(), actor.displayName(), actor.organisationId());
				flow.decide(actor.scope(), c, chain, steps.open(c.id(), clock.today()).orElseThrow(), Outcome.RETURN, me, me,
						false, cmd.finding().strip(), Map.of("objection", objectionId), now);
			}
			n.rows().stream().filter(r -> r.caseId() == o.caseId() && "PENDING".equals(r.state())).findFirst()
				.ifPresent(r -> notices.rowState(n.id(), r.caseId(), "UPHELD", now));
		}
		settle(notices.lock(n.id()));
		return objections.lock(objectionId).orElseThrow();
	}

	/** Settles every published notice whose period has ended (run by the notice period task); returns how many rows passed. */
	public int closeExpired() {
		int passed = 0;
		for (long id : notices.expired(clock.today())) {
			try {
				Integer n = tx.execute(s -> settle(notices.lock(id)));
				passed += n == null ? 0 : n;
			}
			catch (RuntimeException ex) {
				log.warn("Notice {} could not be settled", id, ex);
			}
		}
		return passed;
	}

	@Transactional(readOnly = true)
	public List<PublicNotice> publicList() {
		LocalDate today = clock.today();
		return notices.publicList(today.minusDays(90), 100).stream().map(n -> toPublic(n, today)).toList();
	}

	@Transactional(readOnly = true)
	public Optional<PublicNotice> publicNotice(long id) {
		return notices.findPublic(id).map(n -> toPublic(n, clock.today()));
	}

	/**
	 * The published notice as a PDF for the board, for anyone (it shows only what the public page
	 * shows), with the page's address on bangfu.public-base-url when that is set.
	 */
	@Transactional(readOnly = true)
	public Optional<byte[]> publicPdf(long id, Locale locale) {
		return publicNotice(id).map(n -> pdf.render(n, locale, clock.today()));
	}

	/** The same PDF for staff in scope (audited); a draft has nothing published to print yet. */
	@Transactional
	public byte[] pdf(Actor actor, long id, Locale locale) {
		NoticeView n = require(actor, id);
		if (n.status() == NoticeStatus.DRAFT) {
			throw new BangfuException(Problem.CONFLICT, "notices.notPublished", n.title());
		}
		byte[] bytes = publicPdf(id, locale).orElseThrow(() -> BangfuException.notFound("notices.notFound", id));
		audit.record("notice.pdf", "notice", id, Map.of("title", n.title()));
		return bytes;
	}

	public LocalDate today() {
		return clock.today();
	}

	/** The notice's rows pass where the period has ended and nothing is open; a notice with nothing pending closes. */
	private int settle(NoticeView n) {
		LocalDate today = clock.today();
		if (n.status() != NoticeStatus.PUBLISHED || !today.isAfter(n.endsOn())) {
			return 0;
		}
		Instant now = clock.now();
		StepActor publisher = publisher(n.id());
		int passed = 0;
		for (NoticeRowView row : n.rows()) {
			if (!"PENDING".equals(row.state()) || objections.openCount(row.caseId()) > 0) {
				continue;
			}
			CaseView c = cases.lockSystem(row.caseId(), today);
			ChainView chain = chains.require(c.chainId());
			ChainStepView step = c.currentPosition() == null ? null : chain.step(c.currentPosition()).orElse(null);
			if (c.status() != CaseStatus.IN_REVIEW || step == null || !step.notice()) {
				notices.rowState(n.id(), c.id(), "REMOVED", now);
				continue;
			}
			Map<String, Object> form = new LinkedHashMap<>();
			form.put("noticeId", n.id());
			form.put("startsOn", n.startsOn().toString());
			form.put("endsOn", n.endsOn().toString());
			String comment = messages.getMessage("notices.autoPass", new Object[] { n.title(), n.endsOn().toString() },
					Locale.SIMPLIFIED_CHINESE);
			flow.decide(scopeOf(c), c, chain, steps.open(c.id(), today).orElseThrow(), Outcome.PASS, publisher, SYSTEM, true,
					comment, form, now);
			notices.rowState(n.id(), c.id(), "PASSED", now);
			passed++;
		}
		List<NoticeRowView> after = notices.lock(n.id()).rows();
		if (after.stream().noneMatch(r -> "PENDING".equals(r.state()))) {
			String result = "passed=" + count(after, "PASSED") + ";upheld=" + count(after, "UPHELD") + ";removed="
					+ count(after, "REMOVED");
			notices.closed(n.id(), result, now);
			audit.record(new org.bangfu.audit.AuditEntry("notice.close", "notice", String.valueOf(n.id()), null, "system",
					null, Map.of("title", n.title(), "result", result)));
		}
		return passed;
	}

	private static long count(List<NoticeRowView> rows, String state) {
		return rows.stream().filter(r -> state.equals(r.state())).count();
	}

	private StepActor publisher(long noticeId) {
		return jdbc.sql("""
				SELECT n.published_by_id, u.login, n.published_by, u.organisation_id FROM cases_notice n
				LEFT JOIN identity_user u ON u.id = n.published_by_id WHERE n.id = ?""")
			.param(noticeId)
			.query((rs, i) -> new StepActor((Long) rs.getObject(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4)))
			.single();
	}

	private Scope scopeOf(CaseView c) {
		var org = organisations.of(c.organisationId());
		return new Scope(org.id(), org.path());
	}

	private boolean acceptsObjections(NoticeView n) {
		return n.status() == NoticeStatus.PUBLISHED && !clock.today().isAfter(n.endsOn());
	}

	private PublicNotice toPublic(NoticeView n, LocalDate today) {
		List<PublicRow> rows = new ArrayList<>();
		for (NoticeRowView r : n.rows()) {
			if ("REMOVED".equals(r.state())) {
				continue;
			}
			rows.add(new PublicRow(r.rowNo(), n.shows(NoticeColumn.NAME) ? r.displayName() : null,
					n.shows(NoticeColumn.ORGANISATION) ? r.organisationName() : null,
					n.shows(NoticeColumn.REGION) ? r.regionName() : null,
					n.shows(NoticeColumn.HOUSEHOLD_SIZE) ? r.householdSize() : null,
					n.shows(NoticeColumn.CASE_TYPE) ? r.caseType() : null,
					n.shows(NoticeColumn.AMOUNT) ? r.amountText() : null,
					n.shows(NoticeColumn.APPLIED_ON) ? r.appliedOn() : null));
		}
		return new PublicNotice(n.id(), n.title(), n.body(), n.organisationName(), n.startsOn(), n.endsOn(),
				n.status() == NoticeStatus.PUBLISHED && !today.isAfter(n.endsOn()), n.status(), n.columns(), rows,
				n.contact(), n.result());
	}

	private static void requireReviewer(Actor actor) {
		if (!(actor.has(Role.REVIEWER) || actor.has(Role.APPROVER))) {
			throw BangfuException.forbidden();
		}
	}

}
