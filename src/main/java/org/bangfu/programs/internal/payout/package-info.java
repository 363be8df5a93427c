/**
 * Paying rosters through bank files, private to the programs module: the payer per organisation,
 * the lines to send, the lines' payment status kept from the bank batches ({@code PaymentStatusListener})
 * and a person's own account ({@code PayoutStore}, {@code PayoutPolicy}).
 *
 * <p>Dependency: failed lines are re-sent to the account now on record, a <b>read-only SQL
 * dependency</b> on {@code registry_household} (the household's bank account, encrypted by the
 * register under the same derived key as the bank lines). Nothing here writes the register's tables.
 */
package org.bangfu.programs.internal.payout;
