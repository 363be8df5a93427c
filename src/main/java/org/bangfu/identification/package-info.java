/**
 * Identification (识别, M2): standards by region and period, rule sets written in a small safe
 * expression language, explained decisions for one household, a selection or everything in
 * scope (a persistent job), and what-if counts.
 *
 * <p>Dependencies: the registry's public API ({@code org.bangfu.registry}: events for staleness,
 * vocabularies) and, for set-based work, a documented <b>read-only SQL dependency</b> on the
 * registry's tables {@code registry_household}, {@code registry_member} and
 * {@code registry_change} (see {@code internal.FactsQuery} and {@code internal.FilesAsOf}):
 * facts for one household and for a million are computed by the same statement, never a query
 * per household. Identification never writes registry tables.
 *
 * <p>For what-if and the batch at scale, identification keeps its own table of facts
 * ({@code identification_facts}, see {@code internal.FactsTable}): one narrow row per open
 * household, recomputed by the same statement inside the writer's transaction on the registry's
 * events (one household, or one statement per import chunk), and checked by household version
 * per batch chunk. After loading households with SQL around the register's façade, call
 * {@code FactsTable.refreshAll()}.
 *
 * <p>An earlier date than today reads the files as they stood at the end of that date
 * (Asia/Shanghai) from the register's history, for one household
 * ({@code HouseholdRegistry.history}), the batch and what-if alike (set-based:
 * {@code internal.FilesAsOf}, the snapshot JSON of {@code HouseholdView}): members added,
 * incomes changed or files closed later do not count; the region of then picks the standards;
 * the organisation (scope, rule-set owner) is today's. The batch and what-if leave out a
 * household filed after the date; a household with no history at all (loaded around the
 * register's façade) is read as it is today.
 *
 * <p>Other modules ship rule sets of their own and run them over a scope through
 * {@code ModuleRuleSets} (for example monitoring's relapse rules): same language, same
 * versioning and test cases, decisions recorded as by a batch.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identification")
package org.bangfu.identification;
