package org.bangfu.cases.internal;

import java.util.Set;

import org.bangfu.cases.ChainStepView;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Role;

/**
 * Who may act at a step: a user with the step's role, in an organisation at the step's level (by
 * its region) and of the step's kind when one is set. The case itself must be in the user's scope
 * (checked before, so outsiders get "not found").
 */
public final class ActingPolicy {

	private ActingPolicy() {
	}

	public static boolean mayAct(ChainStepView step, Set<Role> roles, ActingOrganisation org) {
		return roles.contains(step.role()) && step.level().accepts(org.regionLevel())
				&& (step.organisationType() == null || step.organisationType() == org.type());
	}

	public static void requireMayAct(ChainStepView step, Set<Role> roles, ActingOrganisation org) {
		if (!roles.contains(step.role())) {
			throw new BangfuException(Problem.FORBIDDEN, "cases.act.role",
					new org.springframework.context.support.DefaultMessageSourceResolvable(step.role().messageKey()));
		}
		if (!step.level().accepts(org.regionLevel())
				|| (step.organisationType() != null && step.organisationType() != org.type())) {
			throw new BangfuException(Problem.FORBIDDEN, "cases.act.level", org.name());
		}
	}

}
