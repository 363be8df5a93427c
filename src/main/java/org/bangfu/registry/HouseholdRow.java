package org.bangfu.registry;

import java.time.Instant;

import org.bangfu.registry.Vocabulary.HouseholdStatus;

/** One line of a search result: only masked personal numbers. */
public record HouseholdRow(long id, String fileNo, String organisationName, String regionCode, String regionName,
		HouseholdStatus status, String headName, String headIdNumberMasked, String phoneMasked, int size,
		Instant updatedAt) {
}
