package org.bangfu.crosscheck;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bangfu.audit.AuditLog;
import org.bangfu.cases.CaseDocuments;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.Cases;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.DocumentView;
import org.bangfu.crosscheck.internal.FindingStore;
import org.bangfu.platform.pdf.CjkPdf;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.BusinessClock;
import org.bangfu.shared.BusinessTime;
import org.bangfu.shared.Scope;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cross-check report (信息比对报告) of a household: every finding of every extract still
 * matched or decided, with its evidence and review, as a PDF in the CJK font; it can be archived
 * with a case as its cross-check document, which a chain's cross-check step may require.
 */
@Service
public class CrossCheckReports {

	private final FindingStore findings;

	private final HouseholdRegistry registry;

	private final Cases cases;

	private final CaseDocuments documents;

	private final MessageSource messages;

	private final AuditLog audit;

	private final BusinessClock clock;

	CrossCheckReports(FindingStore findings, HouseholdRegistry registry, Cases cases, CaseDocuments documents,
			MessageSource messages, AuditLog audit, BusinessClock clock) {
		this.findings = findings;
		this.registry = registry;
		this.cases = cases;
		this.documents = documents;
		this.messages = messages;
		this.audit = audit;
		this.clock = clock;
	}

	/** The household's report as a PDF (audited as a view of personal data). */
	@Transactional
	public byte[] householdPdf(Scope scope, long householdId, Locale locale) {
		HouseholdView h = registry.find(scope, householdId)
			.orElseThrow(() -> BangfuException.notFound("registry.household.notFound", householdId));
		List<FindingView> list = findings.list(scope, null, null, householdId, 0, 1000);
		audit.record("crosscheck.report", "household", householdId, Map.of("fileNo", h.fileNo(), "findings", list.size()));
		return render(h, list, locale);
	}

	/** Generates the report of the case's household and archives it as the case's cross-check document. */
	@Transactional
	public DocumentView archiveWithCase(Actor actor, long caseId, Locale locale) {
		CaseView c = cases.view(actor, caseId);
		byte[] pdf = householdPdf(actor.scope(), c.householdId(), locale);
		return documents.upload(actor, caseId, DocumentKind.CROSS_CHECK_REPORT, null, t(locale, "crosscheck.report.title"),
				"crosscheck-report-" + c.caseNo() + ".pdf", new ByteArrayInputStream(pdf));
	}

	private byte[] render(HouseholdView h, List<FindingView> list, Locale locale) {
		String title = t(locale, "crosscheck.report.title");
		return CjkPdf.render(title + " · " + h.fileNo() + " · " + clock.today(), t(locale, "crosscheck.report.page"), p -> {
			p.title(title);
			p.field(t(locale, "crosscheck.col.household"), h.fileNo());
			p.field(t(locale, "crosscheck.report.head"), h.headName());
			p.field(t(locale, "crosscheck.report.date"), clock.today().toString());
			if (list.isEmpty()) {
				p.paragraph(t(locale, "crosscheck.report.none"));
				return;
			}
			List<List<String>> rows = new ArrayList<>();
			for (FindingView f : list) {
				StringBuilder evidence = new StringBuilder(t(locale, f.extractKind().messageKey()) + " · " + f.source() + " · " + f.asOf());
				for (Map<String, Object> r : f.evidence()) {
					evidence.append('\n').append(t(locale, "crosscheck.line", r.get("line")));
					for (String k : List.of("item", "amount", "date")) {
						if (r.get(k) != null) {
							evidence.append(' ').append(r.get(k));
						}
					}
				}
				String review = t(locale, f.status().messageKey())
						+ (f.reason() == null ? "" : ": " + f.reason())
						+ (f.decidedAt() == null ? "" : " (" + f.decidedBy() + ", " + BusinessTime.minutes(f.decidedAt()) + ")");
				rows.add(List.of(f.memberName() + " " + f.idNumberMasked(), t(locale, f.kind().messageKey()), evidence.toString(),
						f.fileShows(), review));
			}
			p.table(List.of(t(locale, "crosscheck.col.member"), t(locale, "crosscheck.col.finding"),
					t(locale, "crosscheck.col.evidence"), t(locale, "crosscheck.col.fileShows"), t(locale, "crosscheck.col.decision")),
					rows);
			p.signatures(t(locale, "crosscheck.report.date"), t(locale, "crosscheck.report.checkedBy"));
		});
	}

	private String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

}
