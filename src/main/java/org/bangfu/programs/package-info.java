/**
 * Programs (救助发放, M9 and M15): assistance programs with their targets and amount rules,
 * schedules (dates, months, Chinese lunar festivals, events declared for some regions), cycles
 * and the payment rosters they produce, bank payment and return files, and real-name post
 * subsidies.
 *
 * <p>The root package is the module's API: façades by business word ({@code Programs},
 * {@code Rosters}, {@code Schedules}, {@code BankFiles}), ids, read views and past-tense events.
 * Sub-packages are private: {@code internal} (stores, SQL, {@code *Policy} rules, with
 * {@code internal.schedule} and {@code internal.bank} for the calendar and the bank files),
 * {@code web} (pages), {@code api} (REST under /api/v1).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programs")
package org.bangfu.programs;
