/**
 * Funds (资金): money kept by source per organisation and spent only on its purpose (专款专用):
 * funds, budgets per year, fund and program, donations received, transfers between funds with
 * four eyes, and the append-only double-entry ledger in fen that approving a roster commits, a
 * paid line spends and a failed line releases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funds")
package org.bangfu.funds;
