/**
 * Reporting (统计, 报表上报, 考核): dashboards of an organisation's subtree with the list behind every
 * number, reports up the hierarchy from templates kept as data (filled from the data, frozen when
 * submitted, corrected as new versions, rolled up by the receiving level, with reminders), and the
 * yearly assessment of organisations by a scoring scheme. Figures come from {@link org.bangfu.reporting.FigureSource}s,
 * so other modules (exits, monitoring) can add figure kinds without changing this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting")
package org.bangfu.reporting;
