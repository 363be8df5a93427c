package org.bangfu.cases;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What users (and the public) can ask of notices. */
public final class NoticeCommands {

	private NoticeCommands() {
	}

	/**
	 * Groups cases waiting at a notice step into a notice. organisationId null = the caller's;
	 * periodDays/workingDays null = the first case's chain; columns null = name, organisation,
	 * region, household size, case type; maskNames null = the installation's setting.
	 */
	public record CreateNotice(@NotBlank(message = "{notices.title.required}") @Size(max = 200, message = "{cases.text.size}") String title,
			@Size(max = 2000, message = "{cases.text.size}") String body, Long organisationId,
			@Min(value = 1, message = "{cases.chain.noticeDays.range}") @Max(value = 60, message = "{cases.chain.noticeDays.range}") Integer periodDays,
			Boolean workingDays, List<NoticeColumn> columns, Boolean maskNames,
			@Size(max = 200, message = "{cases.text.size}") String contact,
			@NotEmpty(message = "{notices.cases.required}") List<Long> caseIds) {
	}

	public record Publish(@NotNull Integer version) {
	}

	/** An objection received on paper, by phone or in person, recorded by staff. */
	public record RecordObjection(@NotNull(message = "{notices.objection.case.required}") Long caseId,
			@NotNull(message = "{notices.objection.channel.required}") @Pattern(regexp = "PAPER|PHONE|VISIT", message = "{notices.objection.channel.required}") String channel,
			@Size(max = 50, message = "{cases.text.size}") String objectorName,
			@Size(max = 100, message = "{cases.text.size}") String objectorContact,
			@NotBlank(message = "{notices.objection.text.required}") @Size(max = 2000, message = "{cases.text.size}") String text) {
	}

	/** The finding on an objection: upheld (the case is returned) or not (the case goes on). */
	public record Resolve(@NotNull(message = "{notices.objection.upheld.required}") Boolean upheld,
			@NotBlank(message = "{notices.objection.finding.required}") @Size(max = 2000, message = "{cases.text.size}") String finding) {
	}

	/**
	 * An objection from the public page: the row number it concerns, optional name and contact, the
	 * text; {@code website} is a field people never see (a script that fills it is ignored).
	 */
	public record PublicObjection(Integer rowNo, @Size(max = 50, message = "{cases.text.size}") String name,
			@Size(max = 100, message = "{cases.text.size}") String contact,
			@Size(max = 2000, message = "{cases.text.size}") String text, String website) {
	}

	/** What happened to a public objection. */
	public enum PublicObjectionResult {

		ACCEPTED, IGNORED, LIMITED

	}

}
