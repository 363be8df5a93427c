package org.bangfu.programs;

/** A payment line of a bank batch as the funds ledger books it: the roster line (reference), its cycle and the amount sent. */
public record BatchLineAmount(long reference, long cycleId, long amountFen) {
}
