package org.bangfu.cases;

import java.time.Instant;

/** A case document: what it is, whose it is, and the file's name, type, size and checksum. */
public record DocumentView(long id, long caseId, DocumentKind kind, Long memberId, String title, String fileName,
		String contentType, long sizeBytes, String sha256, Instant uploadedAt, String uploadedBy) {
}
