package org.bangfu.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bangfu.audit.AuditLog;
import org.bangfu.organisation.OrganisationView;
import org.bangfu.organisation.Organisations;
import org.bangfu.reporting.Indicator.Measure;
import org.bangfu.reporting.Scorecard.Point;
import org.bangfu.reporting.internal.SchemeStore;
import org.bangfu.reporting.internal.SchemeStore.Manual;
import org.bangfu.reporting.internal.SchemeStore.Scheme;
import org.bangfu.reporting.internal.ScorePolicy;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly assessment (考核) an organisation makes of the organisations directly under it: a scheme of weighted
 * indicators with targets, computed from each one's figures for the year with the evidence behind each point;
 * manual indicators scored by the assessing level with a note; a ranking.
 */
@Service
public class Assessments {

	private final SchemeStore schemes;

	private final Figures figures;

	private final Organisations organisations;

	private final AuditLog audit;

	Assessments(SchemeStore schemes, Figures figures, Organisations organisations, AuditLog audit) {
		this.schemes = schemes;
		this.figures = figures;
		this.organisations = organisations;
		this.audit = audit;
	}

	public Optional<List<Indicator>> scheme(Actor actor, int year) {
		return schemes.find(actor.organisationId(), year).map(Scheme::indicators);
	}

	/** Sets the caller's scheme for a year (the defaults when none given): weights positive, targets 1–100 %. */
	@Transactional
	public List<Indicator> setScheme(Actor actor, int year, List<Indicator> indicators) {
		List<Indicator> list = indicators == null || indicators.isEmpty() ? Indicator.defaults() : indicators;
		Set<String> codes = new LinkedHashSet<>();
		for (Indicator i : list) {
			if (i.code() == null || !i.code().matches("[A-Z_]{2,40}") || !codes.add(i.code())) {
				throw BangfuException.badField("indicators", "reporting.assessment.badCode", i.code());
			}
			if (!i.manual() && Indicator.measure(i.code()) == null) {
				throw BangfuException.badField("indicators", "reporting.assessment.unknownMeasure", i.code());
			}
			if (i.weight() == null || i.weight().signum() <= 0 || i.target() == null || i.target().signum() <= 0
					|| i.target().compareTo(BigDecimal.valueOf(100)) > 0) {
				throw BangfuException.badField("indicators", "reporting.assessment.badWeight", i.code());
			}
		}
		long id = schemes.save(actor.organisationId(), year, list, actor.login());
		audit.record("reporting.assessment.scheme", "assessment", id, Map.of("year", year, "indicators", codes.toString()));
		return list;
	}

	/** Scores a manual indicator of an organisation under the caller, between 0 and its weight, with a note. */
	@Transactional
	public void score(Actor actor, int year, long organisationId, String indicator, BigDecimal points, String note) {
		Scheme s = schemes.find(actor.organisationId(), year)
			.orElseThrow(() -> BangfuException.notFound("reporting.assessment.noScheme", String.valueOf(year)));
		Indicator i = s.indicators().stream().filter(x -> x.code().equals(indicator) && x.manual()).findFirst()
			.orElseThrow(() -> BangfuException.badField("indicator", "reporting.assessment.notManual", indicator));
		assessed(actor).stream().filter(o -> o.id() == organisationId).findFirst()
			.orElseThrow(() -> BangfuException.notFound("reporting.assessment.notAssessed", organisationId));
		if (points == null || points.signum() < 0 || points.compareTo(i.weight()) > 0 || points.scale() > 2) {
			throw BangfuException.badField("points", "reporting.assessment.badPoints", i.weight());
		}
		String why = note == null ? "" : note.trim();
		if (why.isEmpty() || why.length() > 500) {
			throw BangfuException.badField("note", "reporting.assessment.noteRequired");
		}
		schemes.score(s.id(), organisationId, indicator, points, why, actor.login());
		audit.record("reporting.assessment.score", "organisation", organisationId,
				Map.of("year", year, "indicator", indicator, "points", points.toPlainString(), "note", why));
	}

	/** The scorecards of the organisations under the caller for a year, ranked. */
	@Transactional(readOnly = true)
	public List<Scorecard> ranking(Actor actor, int year) {
		Scheme s = schemes.find(actor.organisationId(), year)
			.orElseThrow(() -> new BangfuException(Problem.NOT_FOUND, "reporting.assessment.noScheme", String.valueOf(year)));
		Map<String, Manual> manual = schemes.manual(s.id());
		ReportPeriod period = ReportPeriod.parse(String.valueOf(year));
		List<String> codes = new ArrayList<>();
		for (Indicator i : s.indicators()) {
			Measure m = Indicator.measure(i.code());
			if (!i.manual() && m != null) {
				codes.add(m.numerator());
				codes.addAll(m.denominator());
			}
		}
		List<String> wanted = List.copyOf(new LinkedHashSet<>(codes));
		List<Scorecard> cards = new ArrayList<>();
		for (OrganisationView o : assessed(actor)) {
			Map<String, Long> f = figures.compute(new Scope(o.id(), o.path()), period, wanted);
			List<Point> points = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO.setScale(2);
			for (Indicator i : s.indicators()) {
				Point p = point(i, f, manual.get(o.id() + "/" + i.code()), period);
				points.add(p);
				total = total.add(p.points() == null ? BigDecimal.ZERO : p.points());
			}
			cards.add(new Scorecard(o.id(), o.name(), points, total.setScale(2, RoundingMode.HALF_UP), 0));
		}
		cards.sort(Comparator.comparing(Scorecard::total).reversed().thenComparing(Scorecard::organisationName));
		List<Integer> ranks = ScorePolicy.ranks(cards, Scorecard::total);
		List<Scorecard> ranked = new ArrayList<>();
		for (int k = 0; k < cards.size(); k++) {
			ranked.add(cards.get(k).ranked(ranks.get(k)));
		}
		return ranked;
	}

	private Point point(Indicator i, Map<String, Long> f, Manual m, ReportPeriod period) {
		if (i.manual()) {
			return new Point(i, 0, 0, null, m == null ? null : m.points(), m == null ? null : m.note(), null);
		}
		Measure measure = Indicator.measure(i.code());
		long num = f.getOrDefault(measure.numerator(), 0L);
		long den = measure.denominator().stream().mapToLong(c -> f.getOrDefault(c, 0L)).sum();
		return new Point(i, num, den, ScorePolicy.percent(num, den), ScorePolicy.points(i.weight(), i.target(), num, den),
				null, figures.drillDown(measure.numerator(), period).orElse(null));
	}

	public String organisationName(Actor actor) {
		return organisations.require(actor.scope(), actor.organisationId()).name();
	}

	/** The organisations the caller assesses: the active ones directly under its organisation. */
	public List<OrganisationView> assessed(Actor actor) {
		return organisations.tree(actor.scope())
			.stream()
			.filter(o -> o.active() && o.parentId() != null && o.parentId() == actor.organisationId())
			.toList();
	}

}
