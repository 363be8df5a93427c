package org.bangfu.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.ChainStepView;
import org.bangfu.cases.ChainView;
import org.bangfu.cases.DocumentView;
import org.bangfu.cases.StepForm;
import org.bangfu.cases.StepView;
import org.bangfu.cases.TransitionView;
import org.bangfu.cases.notice.NoticeStore;
import org.bangfu.cases.notice.NoticeStore.NoticeProof;
import org.bangfu.platform.files.FileStore;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The complete case file as a ZIP, with the county archive's items (plan 18): the applicant's
 * documents, the file form (档案表), the investigation form (走访调查表), the notice proof
 * (公示证明), the cross-check report (信息比对报告), the exit form (脱困登记表) and the review record,
 * as printable HTML, plus a manifest with every file's SHA-256. Personal numbers appear masked.
 */
@Component
public class CaseArchive {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessClock.ZONE);

	private final DocumentStore documents;

	private final StepStore steps;

	private final TransitionLog log;

	private final ChainStore chains;

	private final NoticeStore notices;

	private final FileStore files;

	private final HouseholdRegistry registry;

	private final MessageSource messages;

	private final BusinessClock clock;

	CaseArchive(DocumentStore documents, StepStore steps, TransitionLog log, ChainStore chains, NoticeStore notices,
			FileStore files, HouseholdRegistry registry, MessageSource messages, BusinessClock clock) {
		this.documents = documents;
		this.steps = steps;
		this.log = log;
		this.chains = chains;
		this.notices = notices;
		this.files = files;
		this.registry = registry;
		this.messages = messages;
		this.clock = clock;
	}

	public void write(Actor actor, CaseView c, Locale locale, OutputStream out) throws IOException {
		ChainView chain = chains.require(c.chainId());
		List<StepView> all = steps.all(c.id(), clock.today());
		List<String[]> manifest = new ArrayList<>();
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		for (DocumentView d : documents.active(c.id())) {
			String path = "documents/" + d.kind().name().toLowerCase(Locale.ROOT) + "/" + d.id() + "-" + d.fileName();
			try (InputStream in = files.open(documents.storageKey(d.id()))) {
				add(zip, path, in.readAllBytes(), manifest);
			}
		}
		HouseholdView h = registry.find(actor.scope(), c.householdId()).orElse(null);
		add(zip, "forms/00-" + t(locale, "cases.archive.review") + ".html", page(locale, t(locale, "cases.archive.review"), c,
				review(locale, c, chain, all)), manifest);
		if (h != null) {
			add(zip, "forms/01-" + t(locale, "cases.archive.fileForm") + ".html",
					page(locale, t(locale, "cases.archive.fileForm"), c, fileForm(locale, h)), manifest);
		}
		add(zip, "forms/02-" + t(locale, "cases.archive.investigation") + ".html", page(locale,
				t(locale, "cases.archive.investigation"), c, forms(locale, chain, all, StepForm.INVESTIGATION)), manifest);
		add(zip, "forms/03-" + t(locale, "cases.archive.noticeProof") + ".html",
				page(locale, t(locale, "cases.archive.noticeProof"), c, noticeProof(locale, c)), manifest);
		add(zip, "forms/04-" + t(locale, "cases.archive.crossCheck") + ".html", page(locale,
				t(locale, "cases.archive.crossCheck"), c, forms(locale, chain, all, StepForm.CROSS_CHECK)), manifest);
		if (c.type() == CaseType.EXIT) {
			add(zip, "forms/05-" + t(locale, "cases.archive.exitForm") + ".html",
					page(locale, t(locale, "cases.archive.exitForm"), c, exitForm(locale, c)), manifest);
		}
		StringBuilder csv = new StringBuilder("\uFEFFpath,size,sha256\r\n");
		for (String[] m : manifest) {
			csv.append('"').append(m[0].replace("\"", "\"\"")).append("\",").append(m[1]).append(',').append(m[2]).append("\r\n");
		}
		zip.putNextEntry(new ZipEntry("manifest.csv"));
		zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		zip.finish();
	}

	private String review(Locale locale, CaseView c, ChainView chain, List<StepView> all) {
		StringBuilder b = new StringBuilder();
		b.append("<p>").append(e(t(locale, "cases.field.summary"))).append(": ").append(e(c.summary())).append("</p>");
		if (c.decision() != null) {
			b.append("<h2>").append(e(t(locale, "cases.decision.title"))).append("</h2><p>")
				.append(e(c.decision().outcomeLabel())).append("</p><pre>").append(e(c.decision().explanation())).append("</pre>");
		}
		b.append("<h2>").append(e(t(locale, "cases.steps.title"))).append("</h2><table><tr><th>#</th><th>")
			.append(e(t(locale, "cases.step.name"))).append("</th><th>").append(e(t(locale, "cases.step.outcome")))
			.append("</th><th>").append(e(t(locale, "cases.step.actor"))).append("</th><th>")
			.append(e(t(locale, "cases.step.completed"))).append("</th><th>").append(e(t(locale, "cases.field.comment")))
			.append("</th></tr>");
		for (StepView s : all) {
			ChainStepView cs = chain.step(s.position()).orElse(null);
			b.append("<tr><td>").append(s.position()).append("</td><td>").append(e(cs == null ? "" : cs.label(locale)))
				.append("</td><td>").append(e(s.outcome() == null ? "" : t(locale, s.outcome().messageKey())))
				.append("</td><td>").append(e(s.actorName())).append("</td><td>")
				.append(s.completedAt() == null ? "" : TIME.format(s.completedAt())).append("</td><td>")
				.append(e(s.comment())).append("</td></tr>");
		}
		b.append("</table><h2>").append(e(t(locale, "cases.timeline.title"))).append("</h2><ul>");
		for (TransitionView tv : log.all(c.id())) {
			b.append("<li>").append(TIME.format(tv.at())).append(' ').append(e(tv.actorName() == null ? tv.actorLogin() : tv.actorName()))
				.append(' ').append(e(t(locale, tv.messageKey()))).append(tv.comment() == null ? "" : "：" + e(tv.comment()))
				.append("</li>");
		}
		return b.append("</ul>").toString();
	}

	private String fileForm(Locale locale, HouseholdView h) {
		StringBuilder b = new StringBuilder("<table>");
		row(b, t(locale, "cases.col.fileNo"), h.fileNo());
		row(b, t(locale, "cases.col.organisation"), h.organisationName());
		row(b, t(locale, "cases.archive.region"), h.regionName());
		row(b, t(locale, "cases.archive.address"), h.address());
		row(b, t(locale, "cases.archive.phone"), h.phoneMasked());
		row(b, t(locale, "cases.archive.cause"), h.mainCause() == null ? "" : t(locale, "registry.cause." + h.mainCause()));
		row(b, t(locale, "cases.archive.bankAccount"), h.bankAccountMasked());
		b.append("</table><h2>").append(e(t(locale, "cases.archive.members"))).append("</h2><table>");
		for (MemberView m : h.members()) {
			b.append("<tr><td>").append(e(m.name())).append("</td><td>").append(e(t(locale, "registry.relation." + m.relation())))
				.append("</td><td>").append(e(m.idNumberMasked())).append("</td><td>").append(e(m.monthlyIncome().format()))
				.append("</td></tr>");
		}
		return b.append("</table>").toString();
	}

	private String forms(Locale locale, ChainView chain, List<StepView> all, StepForm form) {
		StringBuilder b = new StringBuilder();
		boolean any = false;
		for (StepView s : all) {
			ChainStepView cs = chain.step(s.position()).orElse(null);
			if (cs == null || cs.form() != form || s.completedAt() == null) {
				continue;
			}
			any = true;
			b.append("<h2>").append(e(cs.label(locale))).append("</h2><table>");
			for (Map.Entry<String, Object> f : s.form().entrySet()) {
				Object v = f.getValue();
				String text = v instanceof List<?> l ? String.join("、", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
				if ("result".equals(f.getKey())) {
					text = t(locale, "cases.form.result." + text);
				}
				row(b, t(locale, "cases.form.field." + f.getKey()), text);
			}
			row(b, t(locale, "cases.step.outcome"), s.outcome() == null ? "" : t(locale, s.outcome().messageKey()));
			row(b, t(locale, "cases.field.comment"), s.comment());
			row(b, t(locale, "cases.step.actor"), s.actorName());
			row(b, t(locale, "cases.step.completed"), TIME.format(s.completedAt()));
			b.append("</table>");
		}
		return any ? b.toString() : "<p>" + e(t(locale, "cases.archive.none")) + "</p>";
	}

	private String noticeProof(Locale locale, CaseView c) {
		List<NoticeProof> proofs = notices.proofs(c.id());
		if (proofs.isEmpty()) {
			return "<p>" + e(t(locale, "cases.archive.none")) + "</p>";
		}
		StringBuilder b = new StringBuilder();
		for (NoticeProof p : proofs) {
			b.append("<h2>").append(e(p.title())).append("</h2><table>");
			row(b, t(locale, "notices.field.period"), p.startsOn() + " — " + p.endsOn());
			row(b, t(locale, "notices.field.publishedBy"), p.publishedBy());
			row(b, t(locale, "notices.field.rowState"), t(locale, "notices.rowState." + p.state()));
			b.append("</table>");
			if (!p.objections().isEmpty()) {
				b.append("<h3>").append(e(t(locale, "notices.objections.title"))).append("</h3><ul>");
				for (String o : p.objections()) {
					b.append("<li>").append(e(o)).append("</li>");
				}
				b.append("</ul>");
			}
		}
		return b.toString();
	}

	private String exitForm(Locale locale, CaseView c) {
		StringBuilder b = new StringBuilder("<table>");
		row(b, t(locale, "cases.field.exitDate"), c.exitDate() == null ? "" : c.exitDate().toString());
		row(b, t(locale, "cases.field.summary"), c.summary());
		row(b, t(locale, "cases.col.status"), t(locale, c.status().messageKey()));
		row(b, t(locale, "cases.field.effectiveDate"), c.effectiveDate() == null ? "" : c.effectiveDate().toString());
		return b.append("</table>").toString();
	}

	private String page(Locale locale, String title, CaseView c, String body) {
		return "<!DOCTYPE html><html lang=\"" + ("en".equals(locale.getLanguage()) ? "en" : "zh-CN")
				+ "\"><head><meta charset=\"utf-8\"><title>" + e(title) + "</title><style>"
				+ "body{font-family:\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;margin:2em}"
				+ "table{border-collapse:collapse;margin-bottom:1em}td,th{border:1px solid #999;padding:4px 8px;text-align:left}"
				+ "</style></head><body><h1>" + e(title) + "</h1><p>" + e(t(locale, "cases.col.caseNo")) + " " + e(c.caseNo())
				+ " · " + e(t(locale, c.type().messageKey())) + " · " + e(c.fileNo()) + " " + e(c.headName()) + " · "
				+ e(c.organisationName()) + "</p>" + body + "<p>" + e(t(locale, "cases.archive.generated")) + " "
				+ TIME.format(clock.now()) + "</p></body></html>";
	}

	private static void row(StringBuilder b, String label, String value) {
		b.append("<tr><th>").append(e(label)).append("</th><td>").append(e(value)).append("</td></tr>");
	}

	private String t(Locale locale, String key) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String e(String s) {
		return s == null ? "" : HtmlUtils.htmlEscape(s);
	}

	private static void add(ZipOutputStream zip, String path, String html, List<String[]> manifest) throws IOException {
		add(zip, path, html.getBytes(StandardCharsets.UTF_8), manifest);
	}

	private static void add(ZipOutputStream zip, String path, byte[] bytes, List<String[]> manifest) throws IOException {
		zip.putNextEntry(new ZipEntry(path));
		zip.write(bytes);
		zip.closeEntry();
		manifest.add(new String[] { path, String.valueOf(bytes.length), sha256(bytes) });
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
