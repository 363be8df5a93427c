/**
 * Exits (脱困): no paper exits (an administrator's status correction with four eyes), exit
 * proposals from six consecutive months of per-capita income above the organisation's line with
 * the hardship causes resolved, the safety net (解困) for households with nobody able to work,
 * and the transition (脱困不脱帮扶) and follow-up visits (回头看) after an approved exit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exits")
package org.bangfu.exits;
