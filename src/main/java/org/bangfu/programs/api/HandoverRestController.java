package org.bangfu.programs.api;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.bangfu.programs.HandOver;
import org.bangfu.programs.HandoverCycle;
import org.bangfu.programs.HandoverOutcome;
import org.bangfu.programs.HandoverProgress;
import org.bangfu.programs.HandoverView;
import org.bangfu.programs.Handovers;
import org.bangfu.programs.RosterNoticeView;
import org.bangfu.programs.RosterNotices;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Hand-over", description = "Goods, vouchers and services handed over line by line with the recipient's confirmation; public notices of rosters; a household's hand-overs")
class HandoverRestController {

	static final String HAND_OVER = "hasAnyRole('ADMIN','FINANCE_OFFICER','CASEWORKER','PAIRING_CADRE')";

	static final String HOUSEHOLD_READ = "hasAnyRole('ADMIN','CASEWORKER','REVIEWER','APPROVER','PAIRING_CADRE','FINANCE_OFFICER','AUDITOR')";

	private final Handovers handovers;

	private final RosterNotices notices;

	HandoverRestController(Handovers handovers, RosterNotices notices) {
		this.handovers = handovers;
		this.notices = notices;
	}

	record NoticeBody(Integer periodDays, Boolean workingDays) {
	}

	@GetMapping("/api/v1/handovers")
	@PreAuthorize(HAND_OVER)
	@Operation(summary = "Approved rosters of goods, vouchers or services in the caller's scope with their hand-over progress")
	List<HandoverCycle> cycles() {
		return handovers.cycles(Actor.require().scope());
	}

	@GetMapping("/api/v1/cycles/{id}/handovers")
	@PreAuthorize(HAND_OVER)
	@Operation(summary = "The lines of an approved goods or voucher roster with their hand-overs (filter OPEN, DONE or ALL; name by its start); audited")
	List<HandoverView> lines(@PathVariable long id, @RequestParam(defaultValue = "ALL") String filter,
			@RequestParam(required = false) String name) {
		return handovers.lines(Actor.require().scope(), id, filter, name);
	}

	@GetMapping("/api/v1/cycles/{id}/handovers/progress")
	@PreAuthorize(HAND_OVER)
	@Operation(summary = "How far the cycle's hand-over has come: lines, handed over, not handed over")
	HandoverProgress progress(@PathVariable long id) {
		return handovers.progress(Actor.require().scope(), id);
	}

	@PostMapping(path = "/api/v1/cycles/{id}/handovers/{lineId}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(HAND_OVER)
	@Operation(summary = "Records a line's hand-over once: HANDED_OVER with the recipient (proxy with name and relation) and a JPEG or PNG confirmation, or REFUSED, MOVED, DECEASED; a second record is refused (409)")
	HandoverView record(@PathVariable long id, @PathVariable long lineId, @RequestParam HandoverOutcome outcome,
			@RequestParam(defaultValue = "false") boolean proxy, @RequestParam(required = false) String recipientName,
			@RequestParam(required = false) String proxyRelation, @RequestParam(required = false) String deliveryPoint,
			@RequestParam(required = false) String note, @RequestPart(required = false) MultipartFile confirmation) {
		byte[] image;
		try {
			image = confirmation == null || confirmation.isEmpty() ? null : confirmation.getBytes();
		}
		catch (IOException ex) {
			throw BangfuException.badField("confirmation", "handover.confirmation.notImage");
		}
		return handovers.record(Actor.require().scope(), id, lineId,
				new HandOver(outcome, proxy, recipientName, proxyRelation, deliveryPoint, note), image);
	}

	@GetMapping("/api/v1/households/{id}/handovers")
	@PreAuthorize(HOUSEHOLD_READ)
	@Operation(summary = "A household's hand-overs in cycles of the caller's scope, newest first; audited")
	List<HandoverView> ofHousehold(@PathVariable long id) {
		return handovers.ofHousehold(Actor.require().scope(), id);
	}

	@PostMapping("/api/v1/cycles/{id}/notice")
	@PreAuthorize("hasAnyRole('ADMIN','REVIEWER','APPROVER','FINANCE_OFFICER')")
	@Operation(summary = "Publishes a submitted or approved roster as a public notice (names masked, village, amount) where its program asks for one; 7 days by default")
	RosterNoticeView publish(@PathVariable long id, @RequestBody(required = false) NoticeBody body) {
		return notices.publish(Actor.require().scope(), id, body == null ? null : body.periodDays(),
				body == null ? null : body.workingDays());
	}

	@GetMapping("/public/roster-notices.json")
	@Operation(summary = "Public notices of rosters running or ended in the last 90 days (no login)")
	List<RosterNoticeView> publicList() {
		return notices.publicList();
	}

}
