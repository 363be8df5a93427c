/**
 * Schedules and events, private to the programs module: the schedule text ({@code ScheduleSpecPolicy}),
 * lunar dates with ICU4J ({@code LunarDatePolicy}), the dates a schedule falls on
 * ({@code OccurrencePolicy}, {@code FestivalPolicy}), declared events ({@code EventStore}, tables
 * programs_event and programs_event_region) and the regions they may cover ({@code EventRegionPolicy}).
 *
 * <p>Dependency: who an event would reach ({@code EventReachQuery}) is a documented <b>read-only SQL
 * dependency</b> on the register's tables {@code registry_household} (organisation, region code,
 * status) and {@code registry_member} (active members, the head's name), joined with
 * {@code organisation} for the reader's scope: one statement counts a million households, never a
 * query per household. Nothing here writes the register's tables.
 */
package org.bangfu.programs.internal.schedule;
