package org.bangfu.programs;

/** The corrected account of a failed roster line, and optionally the name on that account (null or blank: as sent). */
public record AccountCorrection(long lineId, String account, String accountName) {

}
