package org.bangfu.funds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bangfu.audit.AuditLog;
import org.bangfu.funds.internal.ReportStore;
import org.bangfu.platform.pdf.CjkPdf;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The year's books of the caller's subtree (建帐 / 对账 / 查帐) as xlsx and PDF: per fund the
 * balances at the start and end of the period and the period's movements, and the entries behind
 * every figure (the xlsx's second sheet lists each entry of the period). Amounts in yuan.
 */
@Service
public class FundReports {

	private final ReportStore store;

	private final MessageSource messages;

	private final AuditLog audit;

	FundReports(ReportStore store, MessageSource messages, AuditLog audit) {
		this.store = store;
		this.messages = messages;
		this.audit = audit;
	}

	public List<ReportLine> lines(Scope scope, ReportKind kind, int year) {
		return store.lines(scope, kind.from(year), kind.to(year));
	}

	public byte[] xlsx(Scope scope, ReportKind kind, int year, Locale locale) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet summary = book.createSheet(t(locale, kind.messageKey()));
			row(summary, 0, headers(locale));
			int r = 1;
			for (ReportLine l : lines(scope, kind, year)) {
				row(summary, r++, cells(l));
			}
			Sheet entries = book.createSheet(t(locale, "funds.report.entries"));
			row(entries, 0, List.of("#", t(locale, "funds.col.posting"), t(locale, "funds.col.date"), t(locale, "funds.col.fund"),
					t(locale, "funds.col.account"), t(locale, "funds.col.program"), t(locale, "funds.col.amount"),
					t(locale, "funds.col.memo")));
			int[] n = { 1 };
			store.entries(scope, kind.from(year), kind.to(year), e -> row(entries, n[0]++, List.of(e.id(), e.postingId() + " "
					+ t(locale, e.kindKey()), e.postedOn().toString(), e.fundId(), t(locale, e.accountKey()),
					e.programCode() == null ? (e.purpose() == null ? "" : e.purpose()) : e.programCode(),
					java.math.BigDecimal.valueOf(e.amountFen(), 2), e.memo())));
			book.write(out);
			book.dispose();
			audit.record("funds.report", "organisation", scope.organisationId(),
					Map.of("kind", kind.name(), "year", year, "format", "xlsx"));
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public byte[] pdf(Scope scope, ReportKind kind, int year, Locale locale) {
		List<ReportLine> lines = lines(scope, kind, year);
		String title = year + " " + t(locale, kind.messageKey());
		byte[] pdf = CjkPdf.render(title + " · " + kind.from(year) + " — " + kind.to(year), t(locale, "funds.public.pdfPage"),
				p -> {
					p.title(title);
					p.table(headers(locale).stream().map(Object::toString).toList(), lines.stream()
						.map(l -> cells(l).stream().map(c -> c instanceof java.math.BigDecimal b ? Yuan.of(b.movePointRight(2)
							.longValueExact()) : c.toString()).toList())
						.toList());
					p.paragraph(t(locale, "funds.report.entriesInXlsx"));
				});
		audit.record("funds.report", "organisation", scope.organisationId(), Map.of("kind", kind.name(), "year", year, "format", "pdf"));
		return pdf;
	}

	private List<Object> headers(Locale locale) {
		List<Object> h = new ArrayList<>();
		for (String k : List.of("funds.col.fund", "funds.col.organisation", "funds.report.openingAvailable",
				"funds.report.openingCommitted", "funds.report.openingSpent", "funds.report.received", "funds.report.committed",
				"funds.report.spent", "funds.report.released", "funds.report.transferred", "funds.report.closingAvailable",
				"funds.report.closingCommitted", "funds.report.closingSpent")) {
			h.add(t(locale, k));
		}
		return h;
	}

	private static List<Object> cells(ReportLine l) {
		return List.of(l.fundName(), l.organisation(), y(l.openingAvailable()), y(l.openingCommitted()), y(l.openingSpent()),
				y(l.received()), y(l.committed()), y(l.spent()), y(l.released()), y(l.transferred()), y(l.closingAvailable()),
				y(l.closingCommitted()), y(l.closingSpent()));
	}

	private static java.math.BigDecimal y(long fen) {
		return java.math.BigDecimal.valueOf(fen, 2);
	}

	private static void row(Sheet sheet, int index, List<?> values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.size(); i++) {
			Object v = values.get(i);
			if (v instanceof Number num) {
				row.createCell(i).setCellValue(num.doubleValue());
			}
			else {
				row.createCell(i).setCellValue(String.valueOf(v));
			}
		}
	}

	private String t(Locale locale, String key) {
		return messages.getMessage(key, null, locale);
	}

}
