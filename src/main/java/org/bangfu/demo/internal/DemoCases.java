package org.bangfu.demo.internal;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.bangfu.cases.CaseCommands.Act;
import org.bangfu.cases.CaseCommands.OpenCase;
import org.bangfu.cases.CaseCommands.Submit;
import org.bangfu.cases.CaseCommands.Withdraw;
import org.bangfu.cases.CaseDocuments;
import org.bangfu.cases.CaseType;
import org.bangfu.cases.CaseView;
import org.bangfu.cases.Cases;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.NoticeCommands.CreateNotice;
import org.bangfu.cases.NoticeView;
import org.bangfu.cases.Notices;
import org.bangfu.cases.Outcome;
import org.bangfu.demo.internal.DemoActors.DemoUser;
import org.bangfu.registry.HouseholdRegistry;
import org.bangfu.registry.HouseholdView;
import org.bangfu.registry.MemberView;
import org.springframework.stereotype.Component;

/**
 * The demo cases of 大智街道工会, each brought to its stage by the demo users of the right roles
 * through the cases façade: a draft, a withdrawn one, one waiting for the county review, one
 * returned for correction, a rejected one, two in a published public notice (after the home
 * visit and the cross-check), one assistance request waiting for approval and three approved.
 * A new filing's approval follows its notice period, so the approved ones are assistance requests.
 */
@Component
class DemoCases {

	private final Cases cases;

	private final CaseDocuments documents;

	private final Notices notices;

	private final HouseholdRegistry registry;

	DemoCases(Cases cases, CaseDocuments documents, Notices notices, HouseholdRegistry registry) {
		this.cases = cases;
		this.documents = documents;
		this.notices = notices;
		this.registry = registry;
	}

	/** The demo users who act on the cases. */
	record Staff(DemoUser caseworker, DemoUser reviewer, DemoUser secondReviewer, DemoUser approver) {
	}

	/** Creates the cases for households of the caseworker's organisation; returns the published notice. */
	NoticeView load(Staff staff, List<Long> households) {
		Iterator<Long> next = households.iterator();
		LocalDate today = cases.today();
		CaseView draft = filing(staff, next.next(), "本人患慢性病，家庭收入下降，申请建档。");
		upload(staff.caseworker(), draft, DocumentKind.APPLICATION, null, "本人申请书");
		CaseView withdrawn = filing(staff, next.next(), "因工伤停工申请建档。");
		upload(staff.caseworker(), withdrawn, DocumentKind.APPLICATION, null, "本人申请书");
		int version = fresh(staff.caseworker(), withdrawn).version();
		act(staff.caseworker(), () -> cases.withdraw(staff.caseworker().actor(), withdrawn.id(),
				new Withdraw(version, "职工已复工，本人申请撤回。")));
		submitted(staff, next.next(), "配偶失业，子女上学，家庭人均收入低于当地低保标准。");
		CaseView returned = submitted(staff, next.next(), "家庭成员重病，医疗支出大。");
		decide(staff.reviewer(), returned, Outcome.RETURN, "请补充近六个月的工资流水和医疗费用票据。", Map.of());
		CaseView rejected = submitted(staff, next.next(), "收入不稳定，申请建档。");
		decide(staff.reviewer(), rejected, Outcome.REJECT, "入户调查核实家庭人均收入高于当地标准，不符合建档条件。", Map.of());
		List<Long> noticed = new ArrayList<>();
		for (String summary : List.of("单亲家庭，本人下岗，子女就读高中。", "本人残疾，配偶无业，家庭无其他收入。")) {
			CaseView c = submitted(staff, next.next(), summary);
			c = decide(staff.reviewer(), c, Outcome.PASS, "入户调查属实。", Map.of("visitDate", today.minusDays(3).toString(),
					"visitors", "王审核、李社工", "findings", "家庭住房简陋，主要收入为本人低保金，情况属实。"));
			upload(staff.secondReviewer(), c, DocumentKind.CROSS_CHECK_REPORT, null, "信息比对报告");
			noticed.add(decide(staff.secondReviewer(), c, Outcome.PASS, "比对无异常。", Map.of("result", "MATCH")).id());
		}
		NoticeView created = act(staff.reviewer(), () -> notices.create(staff.reviewer().actor(),
				new CreateNotice("江岸区总工会困难职工建档公示（第一批）", "以下职工经本人申请、基层工会申报、区总工会入户调查和信息比对，拟纳入困难职工档案管理，现予公示。",
						null, null, null, null, null, "江岸区总工会帮扶中心 027-82800000", noticed)));
		NoticeView notice = act(staff.reviewer(),
				() -> notices.publish(staff.reviewer().actor(), created.id(), created.version()));
		assistance(staff, next.next(), "2000.00", false);
		for (String amount : List.of("3000.00", "1500.00", "5000.00")) {
			assistance(staff, next.next(), amount, true);
		}
		return notice;
	}

	private CaseView filing(Staff staff, long household, String summary) {
		DemoUser worker = staff.caseworker();
		return act(worker, () -> cases.open(worker.actor(), new OpenCase(CaseType.NEW_FILING, household, null, summary,
				null, null, null)));
	}

	/** A new filing with plan 18's papers, submitted to the county review. */
	private CaseView submitted(Staff staff, long household, String summary) {
		DemoUser worker = staff.caseworker();
		CaseView c = filing(staff, household, summary);
		HouseholdView h = registry.find(worker.scope(), household).orElseThrow();
		upload(worker, c, DocumentKind.APPLICATION, null, "本人申请书");
		upload(worker, c, DocumentKind.AUTHORISATION, null, "家庭经济状况核对授权书");
		for (MemberView m : h.members()) {
			upload(worker, c, DocumentKind.IDENTITY, m.id(), "身份证复印件");
		}
		upload(worker, c, DocumentKind.LABOUR_RELATION, null, "劳动合同");
		upload(worker, c, DocumentKind.INCOME, null, "工资流水");
		upload(worker, c, DocumentKind.HARDSHIP, null, "致困证明");
		return submit(worker, c);
	}

	/** An assistance request of a filed household: reviewed, and approved when asked. */
	private void assistance(Staff staff, long household, String amount, boolean approve) {
		DemoUser worker = staff.caseworker();
		CaseView c = act(worker, () -> cases.open(worker.actor(), new OpenCase(CaseType.ASSISTANCE, household, null,
				"子女上学费用困难，申请助学救助。", new BigDecimal(amount), null, null)));
		upload(worker, c, DocumentKind.ASSISTANCE_FORM, null, "在档困难职工申请救助表");
		c = decide(staff.reviewer(), submit(worker, c), Outcome.PASS, "情况属实，同意救助。", Map.of());
		if (approve) {
			decide(staff.approver(), c, Outcome.PASS, "同意。", Map.of());
		}
	}

	private CaseView submit(DemoUser worker, CaseView c) {
		int version = fresh(worker, c).version();
		return act(worker, () -> cases.submit(worker.actor(), c.id(), new Submit(version, null)));
	}

	private CaseView decide(DemoUser user, CaseView c, Outcome outcome, String comment, Map<String, String> form) {
		int version = fresh(user, c).version();
		return act(user, () -> cases.act(user.actor(), c.id(), new Act(version, outcome, comment, form)));
	}

	/** The case as the user sees it now (a document upload moves its version on). */
	private CaseView fresh(DemoUser user, CaseView c) {
		return act(user, () -> cases.require(user.actor(), c.id()));
	}

	private void upload(DemoUser user, CaseView c, DocumentKind kind, Long memberId, String title) {
		byte[] pdf = DemoFiles.pdf("Bangfu demo document " + kind.name() + " for case " + c.caseNo());
		act(user, () -> documents.upload(user.actor(), c.id(), kind, memberId, title,
				kind.name().toLowerCase(Locale.ROOT) + ".pdf", new ByteArrayInputStream(pdf)));
	}

	private static <T> T act(DemoUser user, Supplier<T> work) {
		return DemoActors.as(user, work);
	}

}
