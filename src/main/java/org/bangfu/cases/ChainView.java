package org.bangfu.cases;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.bangfu.organisation.OrganisationType;

/**
 * A review chain: its steps in order and the notice period it proposes. Changing the steps of a
 * chain that cases use makes a new revision; {@code supersededBy} names it on the retired one.
 * {@code defaultChain}: the chain a case of its type opened without a chosen chain uses, for
 * organisations of its kind (or of any kind when it names none).
 */
public record ChainView(long id, String code, String name, String nameEn, CaseType caseType,
		OrganisationType organisationType, int noticeDays, boolean noticeWorkingDays, String effectiveFrom,
		String source, boolean active, int version, List<ChainStepView> steps, int revision, Long supersededBy,
		boolean defaultChain) {

	/** Whether this is the chain's current revision (a retired one is kept for the cases that use it). */
	public boolean current() {
		return supersededBy == null;
	}

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : name;
	}

	public Optional<ChainStepView> step(int position) {
		return steps.stream().filter(s -> s.position() == position).findFirst();
	}

	public Optional<ChainStepView> stepById(long stepId) {
		return steps.stream().filter(s -> s.id() == stepId).findFirst();
	}

	public boolean last(int position) {
		return steps.stream().noneMatch(s -> s.position() > position);
	}

	public Optional<ChainStepView> after(int position) {
		return steps.stream().filter(s -> s.position() > position).findFirst();
	}

	/** Payment starts on the first day of the month after approval (dibao). */
	public boolean fromNextMonth() {
		return "NEXT_MONTH".equals(effectiveFrom);
	}

}
