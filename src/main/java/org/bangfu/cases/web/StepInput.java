package org.bangfu.cases.web;

import java.util.List;

import org.bangfu.cases.ChainStepView;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepForm;
import org.bangfu.cases.StepLevel;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;

/**
 * A step form of the chain page as typed (the SLA as text, so a wrong entry comes back next to its
 * field with everything else the administrator typed).
 */
public record StepInput(Integer version, Integer position, String name, String nameEn, Role role, StepLevel level,
		OrganisationType organisationType, String slaDays, Boolean slaWorkingDays, StepForm form,
		List<DocumentKind> requiredDocuments, List<Outcome> outcomes) {

	/** What the edit form of a step shows before anything is typed. */
	static StepInput of(ChainStepView s) {
		return new StepInput(null, s.position(), s.name(), s.nameEn(), s.role(), s.level(), s.organisationType(),
				String.valueOf(s.slaDays()), s.slaWorkingDays(), s.form(), s.requiredDocuments(), s.outcomes());
	}

	/** What the add-a-step form shows before anything is typed: a reviewer's comment step at the end. */
	static StepInput blank(int position) {
		return new StepInput(null, position, "", "", Role.REVIEWER, StepLevel.ANY, null, "5", true, StepForm.COMMENT,
				List.of(), List.of(Outcome.values()));
	}

	/** The SLA as a number of days (1–365). */
	Integer sla() {
		try {
			int days = Integer.parseInt(slaDays == null ? "" : slaDays.strip());
			if (days >= 1 && days <= 365) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw BangfuException.badField("slaDays", "cases.step.sla.range");
	}

	public boolean working() {
		return Boolean.TRUE.equals(slaWorkingDays);
	}

	public boolean needs(DocumentKind kind) {
		return requiredDocuments != null && requiredDocuments.contains(kind);
	}

	public boolean allows(Outcome outcome) {
		return outcomes != null && outcomes.contains(outcome);
	}

	List<DocumentKind> documents() {
		return requiredDocuments == null ? List.of() : requiredDocuments;
	}

	List<Outcome> chosenOutcomes() {
		return outcomes == null ? List.of() : outcomes;
	}

}
