package org.bangfu.audit.api;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.bangfu.audit.AuditExport;
import org.bangfu.audit.AuditFilter;
import org.bangfu.audit.AuditPage;
import org.bangfu.audit.AuditTrail;
import org.bangfu.audit.AuditVerification;
import org.bangfu.audit.AuditVerifier;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BusinessClock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for auditors' tools. AUDITOR only: administrators do not read the audit log (separation of duties). */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
@Tag(name = "Audit", description = "Read, export and verify the append-only audit log (AUDITOR only)")
class AuditRestController {

	private final AuditTrail trail;

	private final AuditExport export;

	private final AuditVerifier verifier;

	private final BusinessClock clock;

	AuditRestController(AuditTrail trail, AuditExport export, AuditVerifier verifier, BusinessClock clock) {
		this.trail = trail;
		this.export = export;
		this.verifier = verifier;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Audit records in the caller's scope, newest first, filtered and paged")
	AuditPage list(@Parameter(description = "first day, yyyy-MM-dd (Asia/Shanghai)") @RequestParam(required = false) String from,
			@Parameter(description = "last day, yyyy-MM-dd (Asia/Shanghai)") @RequestParam(required = false) String to,
			@Parameter(description = "actor login") @RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String objectType,
			@RequestParam(required = false) String objectId,
			@Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") int page,
			@Parameter(description = "page size, at most 100") @RequestParam(defaultValue = "20") int size) {
		AuditFilter filter = AuditFilter.parse(from, to, actor, action, objectType, objectId);
		return trail.page(Actor.require().scope(), filter, page, size);
	}

	@GetMapping("/export")
	@Operation(summary = "The filtered records as CSV (UTF-8 with BOM); the export is itself audited")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String objectType, @RequestParam(required = false) String objectId,
			Locale locale, HttpServletResponse response) throws IOException {
		AuditFilter filter = AuditFilter.parse(from, to, actor, action, objectType, objectId);
		response.setContentType(AuditExport.CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(AuditExport.fileName(clock.now())).build().toString());
		export.export(Actor.require().scope(), filter, locale, response.getOutputStream());
	}

	@GetMapping("/verify")
	@Operation(summary = "Recompute the hash chain: intact, or the first record where it breaks")
	AuditVerification verify() {
		return verifier.verify();
	}

}
