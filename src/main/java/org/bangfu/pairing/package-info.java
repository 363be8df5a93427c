/**
 * Pairing and visits (结对帮扶, 走访, 一户一册; M7, M8, M12, M14): cadres and their households
 * under a hard cap, organisation-to-organisation pairing, the unpaired list and coverage,
 * visits with the plan-7 checklist and photos, visit policies and due dates, measures,
 * assistance agreements and the per-household ledger with its PDF.
 * <p>
 * Set-based lists (unpaired, coverage, due visits, indicator roll-ups) read the register's
 * tables ({@code registry_household}, {@code registry_member}) in SQL, read-only; single
 * households go through {@link org.bangfu.registry.HouseholdRegistry}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pairing and visits")
package org.bangfu.pairing;
