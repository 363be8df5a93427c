package org.bangfu.cases;

import java.util.List;

import jakarta.validation.Valid;
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

	/**
	 * version: the chain's version the administrator saw; a flag left out keeps its value.
	 * defaultChain: whether the chain is the default of its case type for its kind of organisation.
	 */
	public record UpdateChain(@NotNull Integer version,
			@NotNull @Min(value = 1, message = "{cases.chain.noticeDays.range}") @Max(value = 60, message = "{cases.chain.noticeDays.range}") Integer noticeDays,
			Boolean noticeWorkingDays, Boolean active, Boolean defaultChain) {

		public UpdateChain(Integer version, Integer noticeDays, Boolean noticeWorkingDays, Boolean active) {
			this(version, noticeDays, noticeWorkingDays, active, null);
		}

	}

	/** One step of a new chain (the same rules as a step added to a chain). */
	public record NewStep(@NotBlank(message = "{cases.step.name.required}") @Size(max = 100) String name,
			@NotBlank(message = "{cases.step.name.required}") @Size(max = 100) String nameEn,
			@NotNull(message = "{cases.step.role.required}") Role role,
			@NotNull(message = "{cases.step.level.required}") StepLevel level, OrganisationType organisationType,
			@NotNull(message = "{cases.step.sla.range}") @Min(value = 1, message = "{cases.step.sla.range}") @Max(value = 365, message = "{cases.step.sla.range}") Integer slaDays,
			Boolean slaWorkingDays, @NotNull(message = "{cases.step.form.required}") StepForm form,
			List<DocumentKind> requiredDocuments,
			@NotEmpty(message = "{cases.step.outcomes.required}") List<Outcome> outcomes) {
	}

	/**
	 * A new chain from scratch. code: lower-case letters, digits and hyphens, not used by any chain;
	 * organisationType: the kind of organisation it is meant for (left out = any); noticeDays left
	 * out = 7; fromNextMonth: an approved case takes effect on the first day of the next month;
	 * defaultChain: it becomes the chain cases of its type and kind get when none is chosen.
	 */
	public record CreateChain(@NotBlank(message = "{cases.chain.code.invalid}") String code,
			@NotBlank(message = "{cases.chain.name.required}") @Size(max = 100) String name,
			@NotBlank(message = "{cases.chain.name.required}") @Size(max = 100) String nameEn,
			@NotNull(message = "{cases.chain.caseType.required}") CaseType caseType, OrganisationType organisationType,
			@Min(value = 1, message = "{cases.chain.noticeDays.range}") @Max(value = 60, message = "{cases.chain.noticeDays.range}") Integer noticeDays,
			Boolean noticeWorkingDays, Boolean fromNextMonth, Boolean defaultChain,
			@NotEmpty(message = "{cases.chain.steps.empty}") List<@Valid NewStep> steps) {
	}

	/**
	 * A new chain copying the current revision of another (case type, steps, notice period, when
	 * it takes effect). organisationType left out = the source's.
	 */
	public record CopyChain(@NotBlank(message = "{cases.chain.code.invalid}") String code,
			@NotBlank(message = "{cases.chain.name.required}") @Size(max = 100) String name,
			@NotBlank(message = "{cases.chain.name.required}") @Size(max = 100) String nameEn,
			OrganisationType organisationType, Boolean defaultChain) {
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

	/** Moves a checklist item to a position (1 = first; beyond the end = last). */
	public record MoveChecklistItem(@NotNull(message = "{cases.checklist.position.required}") Integer position) {
	}

	/** Adds or changes a checklist item of a case type. */
	public record PutChecklistItem(@NotNull(message = "{cases.checklist.rule.required}") DocumentRule rule, Boolean required) {
	}

}
