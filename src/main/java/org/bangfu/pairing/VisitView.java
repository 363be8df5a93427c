package org.bangfu.pairing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.pairing.PairingVocabulary.VisitKind;

/** A recorded visit with its checklist and photos. */
public record VisitView(long id, long householdId, String fileNo, long organisationId, Long cadreId, String cadreName,
		LocalDate visitedOn, VisitKind kind, String visitors, String findings, String problems, String measuresAgreed,
		Checklist checklist, List<PhotoView> photos, Instant recordedAt, String recordedBy) {

	public record PhotoView(long id, long visitId, String contentType, int width, int height, long bytes) {
	}

}
