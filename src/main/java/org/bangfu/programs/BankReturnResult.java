package org.bangfu.programs;

/**
 * What importing a bank answer did: whether it changed anything (false: the same answer was
 * imported before), and the lines paid (or verified) and failed.
 */
public record BankReturnResult(long batchId, boolean changed, int succeeded, int failed) {
}
