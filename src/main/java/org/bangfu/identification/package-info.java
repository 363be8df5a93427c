/**
 * Identification (识别, M2): standards by region and period, rule sets written in a small safe
 * expression language, explained decisions for one household, a selection or everything in
 * scope (a persistent job), and what-if counts.
 *
 * <p>Dependencies: the registry's public API ({@code org.bangfu.registry}: events for staleness,
 * vocabularies) and, for set-based work, a documented <b>read-only SQL dependency</b> on the
 * registry's tables {@code registry_household} and {@code registry_member} (see
 * {@code internal.FactsQuery}): facts for one household and for a million are computed by the
 * same statement, never a query per household. Identification never writes registry tables.
 *
 * <p>For what-if and the batch at scale, identification keeps its own table of facts
 * ({@code identification_facts}, see {@code internal.FactsTable}): one narrow row per open
 * household, recomputed by the same statement inside the writer's transaction on the registry's
 * events (one household, or one statement per import chunk), and checked by household version
 * per batch chunk. After loading households with SQL around the register's façade, call
 * {@code FactsTable.refreshAll()}. Evaluating one household for an earlier date reads the file
 * as of that date from the register's history ({@code HouseholdRegistry.history}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identification")
package org.bangfu.identification;
