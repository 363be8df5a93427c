package org.bangfu.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.reporting.Scorecard.Point;
import org.bangfu.reporting.internal.Tables;
import org.bangfu.reporting.internal.Tables.Table;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The ranking and the per-organisation scorecards of a year's assessment as xlsx and A4 PDF. */
@Service
public class AssessmentDocuments {

	private final Assessments assessments;

	private final MessageSource messages;

	private final AuditLog audit;

	private final BusinessClock clock;

	AssessmentDocuments(Assessments assessments, MessageSource messages, AuditLog audit, BusinessClock clock) {
		this.assessments = assessments;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** The ranking and every scorecard (organisationId null), or one organisation's scorecard. */
	public byte[] xlsx(Actor actor, int year, Long organisationId, Locale locale) {
		audit.record("reporting.assessment.export", "assessment", year, Map.of("format", "xlsx", "organisation",
				organisationId == null ? "all" : organisationId));
		return Tables.xlsx(tables(actor, year, organisationId, locale));
	}

	public byte[] pdf(Actor actor, int year, Long organisationId, Locale locale) {
		audit.record("reporting.assessment.export", "assessment", year, Map.of("format", "pdf", "organisation",
				organisationId == null ? "all" : organisationId));
		return Tables.pdf(assessments.organisationName(actor) + " · " + clock.today(), t(locale, "reporting.pdf.page"),
				t(locale, "reporting.assessment.title", String.valueOf(year)), List.of(), tables(actor, year, organisationId, locale),
				t(locale, "reporting.pdf.date"), t(locale, "reporting.pdf.assessor"));
	}

	private List<Table> tables(Actor actor, int year, Long organisationId, Locale locale) {
		List<Scorecard> cards = assessments.ranking(actor, year);
		List<Table> tables = new ArrayList<>();
		if (organisationId == null) {
			List<List<Object>> rows = new ArrayList<>();
			for (Scorecard c : cards) {
				rows.add(List.of(c.rank(), c.organisationName(), c.total()));
			}
			tables.add(new Table(t(locale, "reporting.assessment.ranking", String.valueOf(year)), List.of(t(locale, "reporting.col.rank"),
					t(locale, "reporting.col.organisation"), t(locale, "reporting.col.total")), rows));
		}
		for (Scorecard c : cards) {
			if (organisationId != null && c.organisationId() != organisationId) {
				continue;
			}
			List<List<Object>> rows = new ArrayList<>();
			for (Point p : c.points()) {
				String evidence = p.indicator().manual() ? (p.note() == null ? t(locale, "reporting.assessment.notScored") : p.note())
						: p.numerator() + " / " + p.denominator() + " = " + p.percent() + "%";
				rows.add(List.of(t(locale, "reporting.indicator." + p.indicator().code()), p.indicator().weight(),
						p.indicator().target() + "%", evidence, p.points() == null ? "" : p.points()));
			}
			rows.add(List.of(t(locale, "reporting.col.total"), "", "", "", c.total()));
			tables.add(new Table(c.organisationName() + " · " + t(locale, "reporting.assessment.rankOf", c.rank()),
					List.of(t(locale, "reporting.col.indicator"), t(locale, "reporting.col.weight"), t(locale, "reporting.col.target"),
							t(locale, "reporting.col.evidence"), t(locale, "reporting.col.points")), rows));
		}
		if (organisationId != null && tables.isEmpty()) {
			throw BangfuException.notFound("reporting.assessment.notAssessed", organisationId);
		}
		return tables;
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
