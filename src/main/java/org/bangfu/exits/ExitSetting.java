package org.bangfu.exits;

/**
 * An organisation's exit settings: the standard kind whose figure is the exit line (per person,
 * by month or year, resolved for the household's region), the transition months during which an
 * exited household stays on the visit schedule (脱困不脱帮扶), and the months and interval of
 * follow-up visits (回头看). fromOrganisationId: where the values come from (itself, an ancestor,
 * or null for the defaults).
 */
public record ExitSetting(String lineKind, int transitionMonths, int followUpMonths, int followUpIntervalMonths,
		Long fromOrganisationId) {

	public static final String DEFAULT_LINE_KIND = "dibao_rural";

	public static ExitSetting defaults() {
		return new ExitSetting(DEFAULT_LINE_KIND, 12, 12, 3, null);
	}

}
