package org.bangfu.programs.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.bangfu.identification.rules.Expression;
import org.bangfu.identification.rules.Fact;
import org.bangfu.identification.rules.Type;
import org.bangfu.programs.AmountRow;
import org.bangfu.programs.ProgramContent;
import org.bangfu.programs.ProgramLimits;
import org.bangfu.shared.BangfuException;

/**
 * A program's content compiled with identification's rule language (facts only, no standards):
 * the target condition, each row's condition and amount. Fails on the first bad part with the
 * field it concerns ({@code target}, {@code rows[i].condition}, {@code rows[i].amount}).
 */
public record ProgramRules(Expression target, List<Expression> conditions, List<Expression> amounts, Set<Fact> facts) {

	public static ProgramRules compile(ProgramContent content) {
		Expression target = expression("target", content.target(), true);
		List<Expression> conditions = new ArrayList<>();
		List<Expression> amounts = new ArrayList<>();
		Set<Fact> facts = new LinkedHashSet<>(target.facts());
		for (int i = 0; i < content.rows().size(); i++) {
			AmountRow row = content.rows().get(i);
			Expression c = expression("rows[" + i + "].condition", row.condition(), true);
			Expression a = expression("rows[" + i + "].amount", row.amount(), false);
			MemberConditionPolicy.check("rows[" + i + "].member", row.member());
			if (row.range() && row.perMonth()) {
				throw BangfuException.badField("rows[" + i + "].rangeMax", "programs.row.rangePerMonth");
			}
			conditions.add(c);
			amounts.add(a);
			facts.addAll(c.facts());
			facts.addAll(a.facts());
		}
		MemberConditionPolicy.check("member", content.member());
		ProgramLimits limits = content.limitsOrNone();
		if (limits.outOfPocket()) {
			facts.add(Fact.MEDICAL_SPENDING_YEAR);
			facts.add(Fact.SUDDEN_COSTS_YEAR);
		}
		return new ProgramRules(target, List.copyOf(conditions), List.copyOf(amounts), Set.copyOf(facts));
	}

	private static Expression expression(String field, String source, boolean condition) {
		try {
			Expression e = condition ? Expression.condition(source, Set.of()) : Expression.compile(source, Set.of());
			if (!condition && e.type() != Type.NUMBER) {
				throw BangfuException.badField(field, "programs.row.amount.notNumber");
			}
			return e;
		}
		catch (BangfuException ex) {
			if (field.equals(ex.field())) {
				throw ex;
			}
			throw BangfuException.badField(field, ex.messageKey(), ex.args());
		}
	}

}
