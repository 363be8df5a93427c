package org.bangfu.cases;

import java.util.List;
import java.util.Locale;

import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.Role;

/**
 * One step of a chain: who acts (role, level, kind of organisation), how long it may take,
 * the documents it needs, the form it records and the outcomes it allows.
 */
public record ChainStepView(long id, int position, String code, String name, String nameEn, Role role,
		StepLevel level, OrganisationType organisationType, int slaDays, boolean slaWorkingDays, StepForm form,
		List<DocumentKind> requiredDocuments, List<Outcome> outcomes) {

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	public boolean notice() {
		return form == StepForm.NOTICE;
	}

	public boolean allows(Outcome outcome) {
		return outcomes.contains(outcome);
	}

}
