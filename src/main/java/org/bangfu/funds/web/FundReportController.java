package org.bangfu.funds.web;

import java.util.Locale;

import org.bangfu.funds.FundReports;
import org.bangfu.funds.ReportKind;
import org.bangfu.shared.Actor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The year's books (建帐 / 对账 / 查帐) of the caller's subtree as xlsx (with the entries) and PDF. */
@Controller
class FundReportController {

	static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final FundReports reports;

	FundReportController(FundReports reports) {
		this.reports = reports;
	}

	@GetMapping({ "/funds/reports/{kind}.xlsx", "/api/v1/ledger/reports/{kind}.xlsx" })
	@PreAuthorize(FundRoles.READ)
	ResponseEntity<byte[]> xlsx(@PathVariable ReportKind kind, @RequestParam int year, Locale locale) {
		return file(reports.xlsx(Actor.require().scope(), kind, year, locale), XLSX, kind, year, "xlsx");
	}

	@GetMapping({ "/funds/reports/{kind}.pdf", "/api/v1/ledger/reports/{kind}.pdf" })
	@PreAuthorize(FundRoles.READ)
	ResponseEntity<byte[]> pdf(@PathVariable ReportKind kind, @RequestParam int year, Locale locale) {
		return file(reports.pdf(Actor.require().scope(), kind, year, locale), MediaType.APPLICATION_PDF, kind, year, "pdf");
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, ReportKind kind, int year, String ext) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("funds-" + kind.name().toLowerCase(Locale.ROOT) + "-" + year + "." + ext)
				.build()
				.toString())
			.body(body);
	}

}
