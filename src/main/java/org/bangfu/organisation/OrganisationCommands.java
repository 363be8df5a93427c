package org.bangfu.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a user can ask of the organisation tree. */
public final class OrganisationCommands {

	private OrganisationCommands() {
	}

	public record CreateOrganisation(
			@NotBlank(message = "{organisation.code.required}") @Size(max = 40, message = "{organisation.code.size}")
			@Pattern(regexp = "[A-Za-z0-9_.-]*", message = "{organisation.code.pattern}") String code,
			@NotBlank(message = "{organisation.name.required}") @Size(max = 100, message = "{organisation.name.size}") String name,
			@NotNull(message = "{organisation.type.required}") OrganisationType type,
			@NotBlank(message = "{organisation.region.required}") String regionCode,
			@NotNull(message = "{organisation.parent.required}") Long parentId) {
	}

	public record UpdateOrganisation(
			@NotBlank(message = "{organisation.name.required}") @Size(max = 100, message = "{organisation.name.size}") String name,
			@NotNull(message = "{organisation.type.required}") OrganisationType type,
			@NotBlank(message = "{organisation.region.required}") String regionCode) {
	}

	public record MoveOrganisation(@NotNull(message = "{organisation.parent.required}") Long newParentId) {
	}

}
