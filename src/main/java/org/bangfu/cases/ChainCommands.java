package org.bangfu.cases;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.Role;

/**
 * What an administrator may change in a chain: the notice period, its steps (add, change, remove,
 * reorder) and the document checklists per case type.
 */
public final class ChainCommands {

	private ChainCommands() {
	}

	/** version: the chain's version the administrator saw; a flag left out keeps its value. */
	public record UpdateChain(@NotNull Integer version,
			@NotNull @Min(value = 1, message = "{cases.chain.noticeDays.range}") @Max(value = 60, message = "{cases.chain.noticeDays.range}") Integer noticeDays,
			Boolean noticeWorkingDays, Boolean active) {
	}

	/**
	 * version: the chain's version the administrator saw (a step change bumps it). name, nameEn and
	 * form left out keep their values.
	 */
	public record UpdateStep(@NotNull Integer version, @NotNull(message = "{cases.step.role.required}") Role role,
			@NotNull(message = "{cases.step.level.required}") StepLevel level, OrganisationType organisationType,
			@NotNull @Min(value = 1, message = "{cases.step.sla.range}") @Max(value = 365, message = "{cases.step.sla.range}") Integer slaDays,
			Boolean slaWorkingDays, List<DocumentKind> requiredDocuments,
			@NotEmpty(message = "{cases.step.outcomes.required}") List<Outcome> outcomes,
			@Size(max = 100) String name, @Size(max = 100) String nameEn, StepForm form) {

		public UpdateStep(Integer version, Role role, StepLevel level, OrganisationType organisationType, Integer slaDays,
				Boolean slaWorkingDays, List<DocumentKind> requiredDocuments, List<Outcome> outcomes) {
			this(version, role, level, organisationType, slaDays, slaWorkingDays, requiredDocuments, outcomes, null, null, null);
		}

	}

	/** A new step; position: where it goes (1 = first), left out = at the end. */
	public record AddStep(@NotNull Integer version, Integer position,
			@NotBlank(message = "{cases.step.name.required}") @Size(max = 100) String name,
			@NotBlank(message = "{cases.step.name.required}") @Size(max = 100) String nameEn,
			@NotNull(message = "{cases.step.role.required}") Role role,
			@NotNull(message = "{cases.step.level.required}") StepLevel level, OrganisationType organisationType,
			@NotNull @Min(value = 1, message = "{cases.step.sla.range}") @Max(value = 365, message = "{cases.step.sla.range}") Integer slaDays,
			Boolean slaWorkingDays, @NotNull(message = "{cases.step.form.required}") StepForm form,
			List<DocumentKind> requiredDocuments,
			@NotEmpty(message = "{cases.step.outcomes.required}") List<Outcome> outcomes) {
	}

	/** Moves a step to a position (1 = first). */
	public record MoveStep(@NotNull Integer version, @NotNull Integer position) {
	}

	/** Adds or changes a checklist item of a case type. */
	public record PutChecklistItem(@NotNull(message = "{cases.checklist.rule.required}") DocumentRule rule, Boolean required) {
	}

}
