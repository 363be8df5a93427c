package org.bangfu.pairing;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.bangfu.shared.BusinessClock;

/**
 * A bulk pairing import after it ran: the file, how many data rows were read, paired and
 * rejected, and whether there is an error report to download.
 */
public record PairingImportView(long id, long organisationId, String organisationName, String fileName, long fileSize,
		int rowsRead, int rowsPaired, int rowsRejected, boolean hasReport, Instant createdAt, String createdBy) {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	/** When it ran, in Beijing time, to the minute. */
	public String createdTime() {
		return MINUTES.format(createdAt.atZone(BusinessClock.ZONE));
	}

}
