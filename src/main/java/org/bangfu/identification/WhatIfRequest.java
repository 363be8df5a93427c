package org.bangfu.identification;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * A proposal to try without saving: a standard figure (kind, region, value; blank region =
 * the whole country) and/or another version of the rule set (usually its draft), compared
 * with the version and figures in force on the date for every open household in scope.
 * Regions are grouped by county (6) or township (9) code; the changed households are paged.
 */
public record WhatIfRequest(@NotBlank(message = "{identification.whatIf.ruleSet.required}") String ruleSetCode,
		LocalDate asOf, @Valid ProposedStandard standard, Long proposedRuleSetId, String groupBy, Integer page,
		Integer size) {

	/** A figure as it would be added (it wins over figures of the same region). */
	public record ProposedStandard(String kind, String regionCode, BigDecimal value, StandardBasis basis) {
	}

	public int pageOrFirst() {
		return page == null || page < 1 ? 1 : page;
	}

	public int sizeOrDefault() {
		return size == null ? 20 : Math.max(10, Math.min(100, size));
	}

	public int groupLength() {
		return "township".equals(groupBy) ? 9 : 6;
	}

}
