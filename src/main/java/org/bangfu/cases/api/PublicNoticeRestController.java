package org.bangfu.cases.api;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.cases.Notices;
import org.bangfu.cases.PublicNotice;
import org.bangfu.shared.BangfuException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public notice board as JSON (no login): the same data as the public page. */
@RestController
@Tag(name = "Public notices", description = "Published notices (公示) without login; never ID numbers, phones, bank accounts or health details")
class PublicNoticeRestController {

	private final Notices notices;

	PublicNoticeRestController(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/public/notices.json")
	@Operation(summary = "Published and recently closed notices")
	List<PublicNotice> list() {
		return notices.publicList();
	}

	@GetMapping("/public/notices/{id}.json")
	@Operation(summary = "One published notice")
	PublicNotice get(@PathVariable long id) {
		return notices.publicNotice(id).orElseThrow(() -> BangfuException.notFound("notices.notFound", id));
	}

	@GetMapping(path = "/public/notices/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "One published notice as a printable A4 PDF with Chinese fonts, for the village board")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		byte[] pdf = notices.publicPdf(id, locale).orElseThrow(() -> BangfuException.notFound("notices.notFound", id));
		return pdfResponse(pdf, "notice-" + id + ".pdf");
	}

	static ResponseEntity<byte[]> pdfResponse(byte[] pdf, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
			.body(pdf);
	}

}
