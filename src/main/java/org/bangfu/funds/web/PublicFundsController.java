package org.bangfu.funds.web;

import java.util.List;
import java.util.Locale;

import org.bangfu.funds.Disclosure;
import org.bangfu.funds.DisclosureRow;
import org.bangfu.funds.Yuan;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public disclosure of fund use (/public/funds, no login) and its PDF: amounts and counts, no personal data. */
@Controller
class PublicFundsController {

	private final Disclosure disclosure;

	PublicFundsController(Disclosure disclosure) {
		this.disclosure = disclosure;
	}

	@GetMapping("/public/funds")
	String page(@RequestParam(required = false) Integer year, Model model) {
		int y = year(year);
		List<DisclosureRow> rows = disclosure.use(y);
		model.addAttribute("year", y);
		model.addAttribute("rows", rows);
		model.addAttribute("total", Yuan.of(rows.stream().mapToLong(DisclosureRow::fen).sum()));
		model.addAttribute("payments", rows.stream().mapToLong(DisclosureRow::payments).sum());
		return "funds/public";
	}

	@GetMapping("/public/funds.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) Integer year, Locale locale) {
		int y = year(year);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("funds-" + y + ".pdf").build().toString())
			.body(disclosure.pdf(y, locale));
	}

	private int year(Integer year) {
		return year == null || year < 2000 || year > 2100 ? disclosure.currentYear() : year;
	}

}
