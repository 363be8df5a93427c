package org.bangfu.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.reporting.internal.Tables;
import org.bangfu.reporting.internal.Tables.Table;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** A report version as xlsx and as an A4 PDF: its figures (computed, reported, reason) and its roll-up lines. */
@Service
public class ReportDocuments {

	private final Reports reports;

	private final MessageSource messages;

	private final AuditLog audit;

	private final BusinessClock clock;

	ReportDocuments(Reports reports, MessageSource messages, AuditLog audit, BusinessClock clock) {
		this.reports = reports;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	public byte[] xlsx(Actor actor, long id, Locale locale) {
		ReportView r = reports.view(actor, id);
		audit.record("reporting.report.export", "report", id, Map.of("format", "xlsx"));
		return Tables.xlsx(tables(r, locale, true));
	}

	public byte[] pdf(Actor actor, long id, Locale locale) {
		ReportView r = reports.view(actor, id);
		ReportTemplate t = reports.template(r.templateCode());
		audit.record("reporting.report.export", "report", id, Map.of("format", "pdf"));
		return Tables.pdf(r.organisationName() + " · " + clock.today(), t(locale, "reporting.pdf.page"), title(r, locale),
				List.of(t(locale, "reporting.report.versionLine", r.version(), t(locale, "reporting.status." + r.status())),
						r.correctionReason() == null ? "" : t(locale, "reporting.report.correctionLine", r.correctionReason())),
				tables(r, locale, false), t(locale, "reporting.pdf.date"), t(locale, "reporting.pdf.preparer"),
				t(locale, "reporting.pdf.head"));
	}

	public String filename(Actor actor, long id, String ext) {
		ReportView r = reports.view(actor, id);
		return "report-" + r.templateCode().toLowerCase(Locale.ROOT) + "-" + r.periodKey() + "-v" + r.version() + "." + ext;
	}

	private String title(ReportView r, Locale locale) {
		return r.organisationName() + " " + r.periodKey() + " " + reports.template(r.templateCode()).name(locale);
	}

	private List<Table> tables(ReportView r, Locale locale, boolean numbers) {
		List<List<Object>> rows = new ArrayList<>();
		for (FigureValue f : r.figures()) {
			rows.add(List.of(t(locale, "reporting.figure." + f.code()), cell(f.code(), f.computed(), numbers),
					cell(f.code(), f.value(), numbers), f.reason() == null ? "" : f.reason()));
		}
		List<Table> tables = new ArrayList<>();
		tables.add(new Table(title(r, locale), List.of(t(locale, "reporting.col.figure"), t(locale, "reporting.col.computed"),
				t(locale, "reporting.col.reported"), t(locale, "reporting.col.reason")), rows));
		if (!r.lines().isEmpty()) {
			List<String> headers = new ArrayList<>();
			headers.add(t(locale, "reporting.col.organisation"));
			r.figures().forEach(f -> headers.add(t(locale, "reporting.figure." + f.code())));
			List<List<Object>> lines = new ArrayList<>();
			for (ReportView.Line l : r.lines()) {
				List<Object> row = new ArrayList<>();
				row.add(l.organisationName() + (l.missing() ? " (" + t(locale, "reporting.report.missing") + ")" : ""));
				for (int i = 0; i < r.figures().size(); i++) {
					row.add(l.missing() ? "" : cell(r.figures().get(i).code(), l.values().get(i), numbers));
				}
				lines.add(row);
			}
			tables.add(new Table(t(locale, "reporting.report.lines"), headers, lines));
		}
		return tables;
	}

	private static Object cell(String code, long v, boolean numbers) {
		if (numbers) {
			return code.startsWith("funds.") ? BigDecimal.valueOf(v, 2) : v;
		}
		return FigureValue.format(code, v);
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
