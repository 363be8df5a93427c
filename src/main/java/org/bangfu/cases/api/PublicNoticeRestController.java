package org.bangfu.cases.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.cases.Notices;
import org.bangfu.cases.PublicNotice;
import org.bangfu.shared.BangfuException;
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

}
