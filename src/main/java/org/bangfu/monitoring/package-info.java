/**
 * Monitoring (防返贫监测): households at risk of falling (back) into hardship flagged by the
 * monitoring rule set (the identification rule language, run set-based over a scope) or by a lead
 * from a visit, a complaint, a cross-check finding or the family; a measure within the
 * organisation's deadline; leaving after six stable months and a measure carried out (four
 * eyes); disaster screening after a declared programs event, with relief granted first and
 * reviewed after (先行救助).
 *
 * <p>Dependencies: identification (ModuleRuleSets, Decisions), programs (Events), cases
 * (WorkingCalendar), audit; a documented <b>read-only SQL dependency</b> on
 * {@code registry_household} and {@code organisation} for the set-based lists.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring")
package org.bangfu.monitoring;
