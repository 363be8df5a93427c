package org.bangfu.programs.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.bangfu.programs.AmountRow;
import org.bangfu.programs.BeneficiaryUnit;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramForm;
import org.bangfu.programs.ProgramLimits;
import org.bangfu.programs.ProgramTestCase;
import org.bangfu.programs.Rounding;
import org.bangfu.programs.web.EditorParts.CaseForm;
import org.bangfu.programs.web.EditorParts.FactForm;
import org.bangfu.programs.web.EditorParts.LimitsForm;
import org.bangfu.programs.web.EditorParts.MemberForm;
import org.bangfu.programs.web.EditorParts.MemberTestForm;
import org.bangfu.programs.web.EditorParts.RowForm;

/**
 * The program editor as a form: scalar fields, the member condition, the ordered amount rows
 * (each with its own member condition), the limits and the test cases with their facts and
 * members. It converts to the same stored definition as the API's JSON. An op (add-row,
 * remove-row-2, add-case, remove-case-0, add-fact-0, remove-fact-0-1, add-member-0,
 * remove-member-0-1) adds or removes a row and shows the form again without saving.
 */
public record ProgramEditForm(String code, String nameZh, String nameEn, String purpose, String fundCode, ProgramForm form,
		String schedule, String target, BeneficiaryUnit unit, Rounding rounding, String specialBonusPercent, MemberForm member,
		List<RowForm> rows, LimitsForm limits, List<CaseForm> cases, Boolean publicNotice, String op) {

	static ProgramEditForm of(String code, ProgramContent c) {
		return new ProgramEditForm(code, c.nameZh(), c.nameEn(), c.purpose(), c.fundCode(), c.form(), c.schedule(), c.target(),
				c.unit(), c.roundingOrFen(), EditorParts.text(c.specialBonusPercent()), MemberForm.of(c.member()),
				c.rows().stream().map(RowForm::of).toList(), LimitsForm.of(c.limits()),
				c.casesOrEmpty().stream().map(CaseForm::of).toList(), c.asksPublicNotice(), null);
	}

	static ProgramEditForm blank() {
		ProgramContent c = new ProgramContent("", "", "", "", ProgramForm.CASH, "", "cat_dibao", BeneficiaryUnit.HOUSEHOLD, null,
				List.of(new AmountRow("true", null, "800", null, false, "每户800元", "800 per household")), ProgramLimits.NONE,
				Rounding.FEN, null, List.of(new ProgramTestCase("低保户", java.util.Map.of("cat_dibao", true), null, null, null,
						List.of(new BigDecimal("800")))), null);
		return of("", c);
	}

	public List<RowForm> rowsOrEmpty() {
		return EditorParts.present(rows);
	}

	public List<CaseForm> casesOrEmpty() {
		return EditorParts.present(cases);
	}

	public MemberForm memberOrEmpty() {
		return member == null ? MemberForm.EMPTY : member;
	}

	public LimitsForm limitsOrNone() {
		return limits == null ? LimitsForm.of(null) : limits;
	}

	ProgramContent toContent() {
		List<AmountRow> amountRows = new ArrayList<>();
		List<RowForm> given = rowsOrEmpty();
		for (int i = 0; i < given.size(); i++) {
			amountRows.add(given.get(i).toRow("rows[" + i + "]"));
		}
		List<ProgramTestCase> testCases = new ArrayList<>();
		List<CaseForm> cs = casesOrEmpty();
		for (int i = 0; i < cs.size(); i++) {
			testCases.add(cs.get(i).toCase("testCases[" + i + "]"));
		}
		return new ProgramContent(nameZh, nameEn, purpose, fundCode, form, schedule, target, unit,
				memberOrEmpty().toCondition("member"), amountRows, limitsOrNone().toLimits(), rounding,
				EditorParts.decimal("specialBonusPercent", specialBonusPercent), testCases,
				Boolean.TRUE.equals(publicNotice) ? Boolean.TRUE : null);
	}

	/** The form after its op (unchanged for none or an unknown op), with the op cleared. */
	ProgramEditForm applied() {
		String[] p = op == null ? new String[0] : op.split("-");
		List<RowForm> rs = new ArrayList<>(rowsOrEmpty());
		List<CaseForm> cs = new ArrayList<>(casesOrEmpty());
		try {
			switch (p.length > 1 ? p[0] + "-" + p[1] : "") {
				case "add-row" -> rs.add(RowForm.blank());
				case "remove-row" -> rs.remove(Integer.parseInt(p[2]));
				case "add-case" -> cs.add(CaseForm.blank());
				case "remove-case" -> cs.remove(Integer.parseInt(p[2]));
				case "add-fact" -> cs.set(at(p, 2), facts(cs.get(at(p, 2)), l -> plus(l, FactForm.blank())));
				case "remove-fact" -> cs.set(at(p, 2), facts(cs.get(at(p, 2)), l -> minus(l, at(p, 3))));
				case "add-member" -> cs.set(at(p, 2), members(cs.get(at(p, 2)), l -> plus(l, MemberTestForm.blank())));
				case "remove-member" -> cs.set(at(p, 2), members(cs.get(at(p, 2)), l -> minus(l, at(p, 3))));
				default -> {
				}
			}
		}
		catch (RuntimeException ex) {
			// a stale or forged index: show the form as posted
		}
		return new ProgramEditForm(code, nameZh, nameEn, purpose, fundCode, form, schedule, target, unit, rounding,
				specialBonusPercent, member, rs, limits, cs, publicNotice, null);
	}

	private static int at(String[] p, int i) {
		return Integer.parseInt(p[i]);
	}

	private static <T> List<T> plus(List<T> list, T item) {
		List<T> l = new ArrayList<>(EditorParts.present(list));
		l.add(item);
		return l;
	}

	private static <T> List<T> minus(List<T> list, int index) {
		List<T> l = new ArrayList<>(EditorParts.present(list));
		l.remove(index);
		return l;
	}

	private static CaseForm facts(CaseForm c, UnaryOperator<List<FactForm>> change) {
		return new CaseForm(c.name(), change.apply(c.facts()), c.members(), c.months(), c.paidThisYear(), c.expected());
	}

	private static CaseForm members(CaseForm c, UnaryOperator<List<MemberTestForm>> change) {
		return new CaseForm(c.name(), c.facts(), change.apply(c.members()), c.months(), c.paidThisYear(), c.expected());
	}

}
