package org.bangfu.cases.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.bangfu.shared.BusinessTime;
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
import org.bangfu.platform.pdf.CjkPdf;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The complete case file (plan 18's county archive items): the review record, the file form
 * (档案表), the investigation form (走访调查表), the notice proof (公示证明), the cross-check report
 * (信息比对报告) and, for an exit, the exit form (脱困登记表) — each an A4 PDF with Chinese text —
 * and all of them in one PDF bundle (案卷汇编). The ZIP adds the applicant's documents and a
 * manifest with every file's SHA-256. Personal numbers appear masked.
 */
@Component
public class CaseArchive {

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

	/** One archive item: its file name stem and how it is drawn. */
	private record Form(String name, Consumer<CjkPdf> body) {
	}

	/** The ZIP: documents, every form as its own PDF, the bundle PDF and the manifest. */
	public void write(Actor actor, CaseView c, Locale locale, OutputStream out) throws IOException {
		List<Form> forms = forms(actor, c, locale);
		List<String[]> manifest = new ArrayList<>();
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		for (DocumentView d : documents.active(c.id())) {
			String path = "documents/" + d.kind().name().toLowerCase(Locale.ROOT) + "/" + d.id() + "-" + d.fileName();
			try (InputStream in = files.open(documents.storageKey(d.id()))) {
				add(zip, path, in.readAllBytes(), manifest);
			}
		}
		for (int i = 0; i < forms.size(); i++) {
			Form f = forms.get(i);
			add(zip, "forms/%02d-%s.pdf".formatted(i, f.name()), render(c, locale, List.of(f)), manifest);
		}
		add(zip, c.caseNo() + "-" + t(locale, "cases.archive.bundle") + ".pdf", render(c, locale, forms), manifest);
		StringBuilder csv = new StringBuilder("\uFEFFpath,size,sha256\r\n");
		for (String[] m : manifest) {
			csv.append('"').append(m[0].replace("\"", "\"\"")).append("\",").append(m[1]).append(',').append(m[2]).append("\r\n");
		}
		zip.putNextEntry(new ZipEntry("manifest.csv"));
		zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
		zip.finish();
	}

	/** Every form of the case in one PDF, each starting on a new page. */
	public byte[] bundle(Actor actor, CaseView c, Locale locale) {
		return render(c, locale, forms(actor, c, locale));
	}

	private List<Form> forms(Actor actor, CaseView c, Locale locale) {
		ChainView chain = chains.require(c.chainId());
		List<StepView> all = steps.all(c.id(), clock.today());
		HouseholdView h = registry.find(actor.scope(), c.householdId()).orElse(null);
		List<Form> forms = new ArrayList<>();
		forms.add(new Form(t(locale, "cases.archive.review"), pdf -> review(pdf, locale, c, chain, all)));
		if (h != null) {
			forms.add(new Form(t(locale, "cases.archive.fileForm"), pdf -> fileForm(pdf, locale, h)));
		}
		forms.add(new Form(t(locale, "cases.archive.investigation"),
				pdf -> stepForms(pdf, locale, chain, all, StepForm.INVESTIGATION)));
		forms.add(new Form(t(locale, "cases.archive.noticeProof"), pdf -> noticeProof(pdf, locale, c)));
		forms.add(new Form(t(locale, "cases.archive.crossCheck"),
				pdf -> stepForms(pdf, locale, chain, all, StepForm.CROSS_CHECK)));
		if (c.type() == CaseType.EXIT) {
			forms.add(new Form(t(locale, "cases.archive.exitForm"), pdf -> exitForm(pdf, locale, c)));
		}
		return forms;
	}

	private byte[] render(CaseView c, Locale locale, List<Form> forms) {
		String header = c.organisationName() + " · " + c.caseNo() + " · " + t(locale, "cases.archive.generated") + " "
				+ BusinessTime.minutes(clock.now());
		return CjkPdf.render(header, t(locale, "notices.pdf.page"), pdf -> {
			boolean first = true;
			for (Form f : forms) {
				if (!first) {
					pdf.document().newPage();
				}
				first = false;
				pdf.title(f.name());
				pdf.paragraph(t(locale, "cases.col.caseNo") + " " + c.caseNo() + " · " + t(locale, c.type().messageKey()) + " · "
						+ c.fileNo() + " " + c.headName() + " · " + c.organisationName());
				f.body().accept(pdf);
			}
		});
	}

	private void review(CjkPdf pdf, Locale locale, CaseView c, ChainView chain, List<StepView> all) {
		pdf.field(t(locale, "cases.field.summary"), c.summary());
		pdf.field(t(locale, "cases.field.chain"), chain.label(locale));
		pdf.field(t(locale, "cases.col.status"), t(locale, c.status().messageKey()));
		pdf.field(t(locale, "cases.archive.reason"), c.resultReason());
		if (c.decision() != null) {
			pdf.heading(t(locale, "cases.decision.title"));
			pdf.paragraph(c.decision().outcomeLabel());
			pdf.paragraph(c.decision().explanation());
		}
		pdf.heading(t(locale, "cases.steps.title"));
		List<List<String>> rows = new ArrayList<>();
		for (StepView s : all) {
			ChainStepView cs = chain.step(s.position()).orElse(null);
			rows.add(List.of(String.valueOf(s.position()), cs == null ? "" : cs.label(locale),
					s.outcome() == null ? "" : t(locale, s.outcome().messageKey()), nz(s.actorName()),
					s.completedAt() == null ? "" : BusinessTime.minutes(s.completedAt()), nz(s.comment())));
		}
		pdf.table(List.of("#", t(locale, "cases.step.name"), t(locale, "cases.step.outcome"), t(locale, "cases.step.actor"),
				t(locale, "cases.step.completed"), t(locale, "cases.field.comment")), rows);
		pdf.heading(t(locale, "cases.timeline.title"));
		for (TransitionView tv : log.all(c.id())) {
			pdf.paragraph(BusinessTime.minutes(tv.at()) + " " + (tv.actorName() == null ? tv.actorLogin() : tv.actorName()) + " "
					+ t(locale, tv.messageKey()) + (tv.comment() == null ? "" : "：" + tv.comment()));
		}
	}

	private void fileForm(CjkPdf pdf, Locale locale, HouseholdView h) {
		pdf.field(t(locale, "cases.col.fileNo"), h.fileNo());
		pdf.field(t(locale, "cases.col.organisation"), h.organisationName());
		pdf.field(t(locale, "cases.archive.region"), h.regionName());
		pdf.field(t(locale, "cases.archive.address"), h.address());
		pdf.field(t(locale, "cases.archive.phone"), h.phoneMasked());
		pdf.field(t(locale, "cases.archive.cause"), h.mainCause() == null ? "" : t(locale, "registry.cause." + h.mainCause()));
		pdf.field(t(locale, "cases.archive.bankAccount"), h.bankAccountMasked());
		pdf.heading(t(locale, "cases.archive.members"));
		List<List<String>> rows = new ArrayList<>();
		for (MemberView m : h.members()) {
			rows.add(List.of(nz(m.name()), t(locale, "registry.relation." + m.relation()), nz(m.idNumberMasked()),
					m.monthlyIncome().format()));
		}
		pdf.table(List.of(t(locale, "cases.archive.memberName"), t(locale, "cases.archive.relation"),
				t(locale, "cases.archive.idNumber"), t(locale, "cases.archive.income")), rows);
		pdf.signatures(t(locale, "cases.archive.date"), t(locale, "cases.archive.signHead"), t(locale, "cases.archive.signOfficer"));
	}

	private void stepForms(CjkPdf pdf, Locale locale, ChainView chain, List<StepView> all, StepForm form) {
		boolean any = false;
		for (StepView s : all) {
			ChainStepView cs = chain.step(s.position()).orElse(null);
			if (cs == null || cs.form() != form || s.completedAt() == null) {
				continue;
			}
			any = true;
			pdf.heading(cs.label(locale));
			for (Map.Entry<String, Object> f : s.form().entrySet()) {
				Object v = f.getValue();
				String text = v instanceof List<?> l ? String.join("、", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
				if ("result".equals(f.getKey())) {
					text = t(locale, "cases.form.result." + text);
				}
				pdf.field(t(locale, "cases.form.field." + f.getKey()), text);
			}
			pdf.field(t(locale, "cases.step.outcome"), s.outcome() == null ? "" : t(locale, s.outcome().messageKey()));
			pdf.field(t(locale, "cases.field.comment"), s.comment());
			pdf.field(t(locale, "cases.step.actor"), s.actorName());
			pdf.field(t(locale, "cases.step.completed"), BusinessTime.minutes(s.completedAt()));
		}
		if (!any) {
			pdf.paragraph(t(locale, "cases.archive.none"));
		}
	}

	private void noticeProof(CjkPdf pdf, Locale locale, CaseView c) {
		List<NoticeProof> proofs = notices.proofs(c.id());
		if (proofs.isEmpty()) {
			pdf.paragraph(t(locale, "cases.archive.none"));
			return;
		}
		for (NoticeProof p : proofs) {
			pdf.heading(p.title());
			pdf.field(t(locale, "notices.field.period"), p.startsOn() + " — " + p.endsOn());
			pdf.field(t(locale, "notices.field.publishedBy"), p.publishedBy());
			pdf.field(t(locale, "notices.field.rowState"), t(locale, "notices.rowState." + p.state()));
			if (!p.objections().isEmpty()) {
				pdf.heading(t(locale, "notices.objections.title"));
				p.objections().forEach(pdf::paragraph);
			}
		}
	}

	private void exitForm(CjkPdf pdf, Locale locale, CaseView c) {
		pdf.field(t(locale, "cases.field.exitDate"), c.exitDate() == null ? "" : c.exitDate().toString());
		pdf.field(t(locale, "cases.field.summary"), c.summary());
		pdf.field(t(locale, "cases.col.status"), t(locale, c.status().messageKey()));
		pdf.field(t(locale, "cases.field.effectiveDate"), c.effectiveDate() == null ? "" : c.effectiveDate().toString());
		pdf.signatures(t(locale, "cases.archive.date"), t(locale, "cases.archive.signHead"), t(locale, "cases.archive.signOfficer"));
	}

	private String t(Locale locale, String key) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String nz(String s) {
		return s == null ? "" : s;
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
