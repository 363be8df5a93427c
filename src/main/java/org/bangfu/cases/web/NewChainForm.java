package org.bangfu.cases.web;

import java.util.List;

import org.bangfu.cases.CaseType;
import org.bangfu.cases.ChainCommands.CreateChain;
import org.bangfu.cases.ChainCommands.NewStep;
import org.bangfu.cases.DocumentKind;
import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepForm;
import org.bangfu.cases.StepLevel;
import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Role;

/**
 * The new-chain form as typed: the chain and its first step (more steps are added on the chain's
 * page). Numbers as text, so a wrong entry comes back next to its field.
 */
public record NewChainForm(String code, String name, String nameEn, CaseType caseType, OrganisationType organisationType,
		String noticeDays, Boolean noticeWorkingDays, Boolean fromNextMonth, Boolean defaultChain, String stepName,
		String stepNameEn, Role role, StepLevel level, OrganisationType stepOrganisationType, String slaDays,
		Boolean slaWorkingDays, StepForm form, List<DocumentKind> requiredDocuments, List<Outcome> outcomes) {

	static NewChainForm empty() {
		return new NewChainForm("", "", "", CaseType.NEW_FILING, null, "7", false, false, false, "", "", Role.REVIEWER,
				StepLevel.ANY, null, "5", true, StepForm.COMMENT, List.of(), List.of(Outcome.values()));
	}

	CreateChain command() {
		Integer days = number(noticeDays, 1, 60, "noticeDays", "cases.chain.noticeDays.range");
		if (stepName == null || stepName.isBlank() || stepNameEn == null || stepNameEn.isBlank()) {
			throw BangfuException.badField("stepName", "cases.step.name.required");
		}
		Integer sla = number(slaDays, 1, 365, "slaDays", "cases.step.sla.range");
		return new CreateChain(code, name, nameEn, caseType, organisationType, days, Boolean.TRUE.equals(noticeWorkingDays),
				Boolean.TRUE.equals(fromNextMonth), Boolean.TRUE.equals(defaultChain),
				List.of(new NewStep(stepName, stepNameEn, role, level, stepOrganisationType, sla,
						Boolean.TRUE.equals(slaWorkingDays), form, requiredDocuments == null ? List.of() : requiredDocuments,
						outcomes == null ? List.of() : outcomes)));
	}

	public boolean needs(DocumentKind kind) {
		return requiredDocuments != null && requiredDocuments.contains(kind);
	}

	public boolean allows(Outcome outcome) {
		return outcomes != null && outcomes.contains(outcome);
	}

	private static Integer number(String text, int min, int max, String field, String key) {
		try {
			int n = Integer.parseInt(text == null ? "" : text.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw BangfuException.badField(field, key);
	}

}
