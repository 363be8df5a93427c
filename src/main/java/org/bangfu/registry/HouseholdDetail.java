package org.bangfu.registry;

/** A file with its derived figures, as the API returns it. */
public record HouseholdDetail(HouseholdView household, HouseholdFigures figures) {
}
