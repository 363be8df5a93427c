package org.bangfu.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.bangfu.shared.Money;

/**
 * A case as its page and the API show it. {@code decision} is the identification decision frozen
 * at the first submission (null when none was available); {@code householdChangeId} is the last
 * entry of the household's history at that moment, to show later changes of the file.
 */
public record CaseView(long id, String caseNo, CaseType type, long chainId, long householdId, String fileNo,
		String headName, long organisationId, String organisationName, String regionCode, CaseStatus status,
		Integer currentPosition, String summary, BigDecimal requestedAmount, LocalDate exitDate, String changeData,
		FrozenDecision decision, Instant decisionFrozenAt, Long householdChangeId, Long submittedById,
		String submittedBy, Instant submittedAt, Instant decidedAt, String resultReason, LocalDate effectiveDate,
		String outcomeApplied, long createdById, String createdBy, Instant createdAt, Instant updatedAt, int version,
		LocalDate dueDate, boolean overdue) {

	/** Reads change data written by earlier versions too (fields since removed are ignored). */
	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
		.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * The case as the roles may see it: the facts a change of file asks for are masked by the
	 * register's rule ({@link org.bangfu.registry.HouseholdCommands.HouseholdData#forRoles}).
	 */
	public CaseView forRoles(java.util.Set<org.bangfu.shared.Role> roles) {
		if (changeData == null || org.bangfu.registry.HouseholdRegistry.mayReveal(roles)) {
			return this;
		}
		String shown = JSON.writeValueAsString(JSON
			.readValue(changeData, org.bangfu.registry.HouseholdCommands.HouseholdData.class)
			.forRoles(roles));
		return new CaseView(id, caseNo, type, chainId, householdId, fileNo, headName, organisationId, organisationName,
				regionCode, status, currentPosition, summary, requestedAmount, exitDate, shown, decision,
				decisionFrozenAt, householdChangeId, submittedById, submittedBy, submittedAt, decidedAt, resultReason,
				effectiveDate, outcomeApplied, createdById, createdBy, createdAt, updatedAt, version, dueDate, overdue);
	}

	public Money requestedMoney() {
		return requestedAmount == null ? null : Money.of(requestedAmount);
	}

}
