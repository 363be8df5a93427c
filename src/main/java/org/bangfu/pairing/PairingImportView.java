package org.bangfu.pairing;

import java.time.Instant;

import org.bangfu.shared.BusinessTime;

/**
 * A bulk pairing import after it ran: the file, how many data rows were read, paired and
 * rejected, and whether there is an error report to download.
 */
public record PairingImportView(long id, long organisationId, String organisationName, String fileName, long fileSize,
		int rowsRead, int rowsPaired, int rowsRejected, boolean hasReport, Instant createdAt, String createdBy) {

	/** When it ran, in Beijing time, to the minute. */
	public String createdTime() {
		return BusinessTime.minutes(createdAt);
	}

}
