package org.bangfu.cases;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.bangfu.organisation.OrganisationType;
import org.bangfu.shared.Role;

/** What an administrator may change in a chain: the notice period, and per step who acts, the SLA and documents. */
public final class ChainCommands {

	private ChainCommands() {
	}

	/** version: the chain's version the administrator saw; a flag left out keeps its value. */
	public record UpdateChain(@NotNull Integer version,
			@NotNull @Min(value = 1, message = "{cases.chain.noticeDays.range}") @Max(value = 60, message = "{cases.chain.noticeDays.range}") Integer noticeDays,
			Boolean noticeWorkingDays, Boolean active) {
	}

	/** version: the chain's version the administrator saw (a step change bumps it). */
	public record UpdateStep(@NotNull Integer version, @NotNull(message = "{cases.step.role.required}") Role role,
			@NotNull(message = "{cases.step.level.required}") StepLevel level, OrganisationType organisationType,
			@NotNull @Min(value = 1, message = "{cases.step.sla.range}") @Max(value = 365, message = "{cases.step.sla.range}") Integer slaDays,
			Boolean slaWorkingDays, List<DocumentKind> requiredDocuments,
			@NotEmpty(message = "{cases.step.outcomes.required}") List<Outcome> outcomes) {
	}

}
