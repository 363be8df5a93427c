package org.bangfu.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.WorkingCalendar;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.reporting.internal.DeadlinePolicy;
import org.bangfu.reporting.internal.ReportVersionStore;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports up the hierarchy: an organisation fills a template's report for a period from its data (or, as a
 * receiving level, from the reports submitted to it), edits figures with a reason where the template allows,
 * submits it (frozen, seen by the level above) and corrects it as a new version with a reason.
 */
@Service
public class Reports {

	private final ReportVersionStore store;

	private final Figures figures;

	private final Organisations organisations;

	private final WorkingCalendar calendar;

	private final AuditLog audit;

	private final BusinessClock clock;

	Reports(ReportVersionStore store, Figures figures, Organisations organisations, WorkingCalendar calendar, AuditLog audit,
			BusinessClock clock) {
		this.store = store;
		this.figures = figures;
		this.organisations = organisations;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
	}

	public List<ReportTemplate> templates() {
		return store.templates();
	}

	public ReportTemplate template(String code) {
		return store.template(code).orElseThrow(() -> BangfuException.notFound("reporting.template.notFound", code));
	}

	public LocalDate deadline(ReportTemplate t, ReportPeriod period) {
		return DeadlinePolicy.deadline(t.deadline(), period, calendar::addWorkingDays);
	}

	/** The period whose report is due next (the current one if its deadline falls in it, else the one before). */
	public ReportPeriod duePeriod(ReportTemplate t) {
		ReportPeriod current = ReportPeriod.containing(t.period(), clock.today());
		return deadline(t, current).isAfter(current.to()) ? current.previous() : current;
	}

	/** The organisations that report to {@code organisationId} under this template: its active children of the type. */
	public List<OrganisationView> submittersTo(Scope scope, ReportTemplate t, long organisationId) {
		return organisations.tree(scope)
			.stream()
			.filter(o -> o.active() && o.parentId() != null && o.parentId() == organisationId)
			.filter(o -> t.submitterType() == null || o.type().name().equals(t.submitterType()))
			.toList();
	}

	@Transactional(readOnly = true)
	public ReportOverview overview(Actor actor, String code, String periodKey) {
		ReportTemplate t = template(code);
		ReportPeriod p = ReportPeriod.parse(periodKey);
		List<OrganisationView> subs = submittersTo(actor.scope(), t, actor.organisationId());
		Map<Long, ReportView> sent = store.submitted(code, p.key(), subs.stream().map(OrganisationView::id).toList())
			.stream()
			.collect(Collectors.toMap(ReportView::organisationId, Function.identity()));
		List<SubmitterStatus> statuses = subs.stream().map(o -> {
			ReportView r = sent.get(o.id());
			return r == null ? new SubmitterStatus(o.id(), o.name(), null, null, null)
					: new SubmitterStatus(o.id(), o.name(), r.id(), r.version(), r.submittedAt());
		}).toList();
		return new ReportOverview(t, p, deadline(t, p), store.versions(code, actor.organisationId(), p.key()), statuses);
	}

	/** The draft of the caller's report for the period, made from the data (or the submitted reports) when there is none. */
	@Transactional
	public ReportView fill(Actor actor, String code, String periodKey) {
		ReportTemplate t = template(code);
		ReportPeriod p = ReportPeriod.parse(periodKey);
		List<ReportView> versions = store.versions(code, actor.organisationId(), p.key());
		if (!versions.isEmpty() && versions.get(0).draft()) {
			return versions.get(0);
		}
		if (!versions.isEmpty()) {
			throw new BangfuException(Problem.CONFLICT, "reporting.report.alreadySubmitted");
		}
		Scope scope = actor.scope();
		List<OrganisationView> subs = t.rollsUp() ? submittersTo(scope, t, actor.organisationId()) : List.of();
		List<FigureValue> values = new ArrayList<>();
		List<ReportView.Line> lines = new ArrayList<>();
		if (subs.isEmpty()) {
			figures.compute(scope, p, t.figures()).forEach((c, v) -> values.add(figure(c, v, p)));
		}
		else {
			Map<Long, ReportView> sent = store.submitted(code, p.key(), subs.stream().map(OrganisationView::id).toList())
				.stream()
				.collect(Collectors.toMap(ReportView::organisationId, Function.identity()));
			long[] sums = new long[t.figures().size()];
			for (OrganisationView o : subs) {
				ReportView r = sent.get(o.id());
				List<Long> v = r == null ? List.of() : RollUp.valuesOf(r, t.figures());
				for (int i = 0; i < v.size(); i++) {
					sums[i] += v.get(i);
				}
				lines.add(new ReportView.Line(o.id(), o.name(), r == null ? null : r.id(), r == null ? null : r.version(), v));
			}
			for (int i = 0; i < sums.length; i++) {
				values.add(figure(t.figures().get(i), sums[i], p));
			}
		}
		OrganisationView own = organisations.require(scope, actor.organisationId());
		long id = store.insert(code, own.id(), own.path(), p.key(), 1, values, lines, null, actor.login());
		audit.record("reporting.report.fill", "report", id, Map.of("template", code, "period", p.key()));
		return store.find(id).orElseThrow();
	}

	private FigureValue figure(String code, long v, ReportPeriod p) {
		return new FigureValue(code, v, v, null, figures.drillDown(code, p).orElse(null));
	}

	/** Changes one figure of the caller's draft; a value other than the computed one needs a reason. */
	@Transactional
	public ReportView edit(Actor actor, long id, String code, long value, String reason) {
		ReportView r = ownDraft(actor, id);
		if (!template(r.templateCode()).editable()) {
			throw new BangfuException(Problem.CONFLICT, "reporting.report.notEditable");
		}
		String why = reason == null ? "" : reason.trim();
		FigureValue old = r.figures().stream().filter(f -> f.code().equals(code)).findFirst()
			.orElseThrow(() -> BangfuException.badField("code", "reporting.figure.unknown", code));
		if (value < 0) {
			throw BangfuException.badField("value", "reporting.report.negative");
		}
		if (value != old.computed() && why.isEmpty()) {
			throw BangfuException.badField("reason", "reporting.report.reasonRequired");
		}
		if (why.length() > 500) {
			throw BangfuException.badField("reason", "reporting.report.reasonTooLong");
		}
		List<FigureValue> next = r.figures().stream().map(f -> f.code().equals(code)
				? new FigureValue(code, f.computed(), value, value == f.computed() ? null : why, f.drillDown()) : f).toList();
		store.updateFigures(id, next);
		audit.record("reporting.report.edit", "report", id, Map.of("figure", code, "from", old.value(), "to", value, "reason", why));
		return store.find(id).orElseThrow();
	}

	/** Submits the caller's draft: frozen from now on, visible to the level above; the version it corrects is superseded. */
	@Transactional
	public ReportView submit(Actor actor, long id) {
		ReportView r = ownDraft(actor, id);
		store.submit(r, actor.login(), clock.now());
		audit.record("reporting.report.submit", "report", id, Map.of("template", r.templateCode(), "period", r.periodKey(),
				"version", r.version()));
		return store.find(id).orElseThrow();
	}

	/** Opens a correction of a submitted report: a new draft version with the same figures and the reason. */
	@Transactional
	public ReportView correct(Actor actor, long id, String reason) {
		ReportView r = view(actor, id);
		if (r.organisationId() != actor.organisationId() || !r.submitted()) {
			throw new BangfuException(Problem.CONFLICT, "reporting.report.notCorrectable");
		}
		String why = reason == null ? "" : reason.trim();
		if (why.isEmpty() || why.length() > 500) {
			throw BangfuException.badField("reason", "reporting.report.reasonRequired");
		}
		OrganisationView own = organisations.require(actor.scope(), actor.organisationId());
		long next = store.insert(r.templateCode(), own.id(), own.path(), r.periodKey(), r.version() + 1, r.figures(), r.lines(),
				why, actor.login());
		audit.record("reporting.report.correct", "report", next, Map.of("corrects", id, "reason", why));
		return store.find(next).orElseThrow();
	}

	/** A report of the caller's subtree: its own in any state, others only once submitted. */
	@Transactional(readOnly = true)
	public ReportView view(Actor actor, long id) {
		ReportView r = store.find(id).orElseThrow(() -> BangfuException.notFound("reporting.report.notFound", String.valueOf(id)));
		boolean own = r.organisationId() == actor.organisationId();
		String path = organisations.pathOf(r.organisationId()).orElse("");
		if (!own && (r.draft() || !actor.scope().contains(path))) {
			throw BangfuException.notFound("reporting.report.notFound", String.valueOf(id));
		}
		return r;
	}

	@Transactional(readOnly = true)
	public List<ReportView> list(Actor actor, String template, String period) {
		return store.list(actor.scope(), blank(template), blank(period), 200);
	}

	private ReportView ownDraft(Actor actor, long id) {
		ReportView r = view(actor, id);
		if (r.organisationId() != actor.organisationId() || !r.draft()) {
			throw new BangfuException(Problem.CONFLICT, "reporting.report.frozen");
		}
		return r;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}

}
