package org.bangfu.programs.web;

import java.io.IOException;
import java.util.Locale;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.HandOver;
import org.bangfu.programs.HandoverOutcome;
import org.bangfu.programs.HandoverView;
import org.bangfu.programs.Handovers;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Hand-over at the delivery point, made for a phone: the open lines of an approved goods or
 * voucher roster with a name search, one line's form (recipient, proxy, confirmation image, or
 * the reason it was not handed over), the confirmation image, and the sheet to sign as a PDF.
 */
@Controller
class HandoverPagesController {

	static final String HAND_OVER = "hasAnyRole('ADMIN','FINANCE_OFFICER','CASEWORKER','PAIRING_CADRE')";

	private final Handovers handovers;

	private final PageMessages messages;

	HandoverPagesController(Handovers handovers, PageMessages messages) {
		this.handovers = handovers;
		this.messages = messages;
	}

	@GetMapping("/programs/handovers")
	@PreAuthorize(HAND_OVER)
	String cycles(Model model) {
		model.addAttribute("cycles", handovers.cycles(Actor.require().scope()));
		return "programs/handovers";
	}

	@GetMapping("/programs/cycles/{id}/handover")
	@PreAuthorize(HAND_OVER)
	String list(@PathVariable long id, @RequestParam(defaultValue = "OPEN") String filter,
			@RequestParam(required = false) String name, Model model) {
		var scope = Actor.require().scope();
		model.addAttribute("c", handovers.handable(scope, id));
		model.addAttribute("progress", handovers.progress(scope, id));
		model.addAttribute("filter", filter);
		model.addAttribute("name", name);
		model.addAttribute("lines", handovers.lines(scope, id, filter, name));
		return "programs/handover";
	}

	@GetMapping("/programs/cycles/{id}/handover/{lineId}")
	@PreAuthorize(HAND_OVER)
	String line(@PathVariable long id, @PathVariable long lineId, Model model) {
		return form(id, handovers.line(Actor.require().scope(), id, lineId), model);
	}

	@PostMapping("/programs/cycles/{id}/handover/{lineId}")
	@PreAuthorize(HAND_OVER)
	String record(@PathVariable long id, @PathVariable long lineId, @RequestParam(required = false) HandoverOutcome outcome,
			@RequestParam(defaultValue = "false") boolean proxy, @RequestParam(required = false) String recipientName,
			@RequestParam(required = false) String proxyRelation, @RequestParam(required = false) String deliveryPoint,
			@RequestParam(required = false) String note, @RequestParam(required = false) MultipartFile confirmation,
			Model model, RedirectAttributes redirect) {
		var scope = Actor.require().scope();
		try {
			byte[] image = confirmation == null || confirmation.isEmpty() ? null : confirmation.getBytes();
			HandoverView done = handovers.record(scope, id, lineId,
					new HandOver(outcome, proxy, recipientName, proxyRelation, deliveryPoint, note), image);
			redirect.addFlashAttribute("message", messages.get("handover.recorded", done.payeeName(),
					messages.get(done.outcome().messageKey())));
			if (deliveryPoint != null && !deliveryPoint.isBlank()) {
				redirect.addAttribute("point", deliveryPoint.strip());
			}
			return "redirect:/programs/cycles/" + id + "/handover";
		}
		catch (IOException ex) {
			model.addAttribute("error", messages.get("handover.confirmation.notImage"));
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
				throw ex;
			}
			model.addAttribute("error", messages.of(ex));
		}
		model.addAttribute("outcome", outcome);
		model.addAttribute("proxy", proxy);
		model.addAttribute("recipientName", recipientName);
		model.addAttribute("proxyRelation", proxyRelation);
		model.addAttribute("note", note);
		model.addAttribute("point", deliveryPoint);
		return form(id, handovers.line(scope, id, lineId), model);
	}

	@GetMapping("/programs/cycles/{id}/handover/{lineId}/confirmation")
	@PreAuthorize(RosterHouseholdController.READ)
	ResponseEntity<FileSystemResource> confirmation(@PathVariable long id, @PathVariable long lineId) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.body(new FileSystemResource(handovers.confirmation(Actor.require().scope(), id, lineId)));
	}

	@GetMapping("/programs/cycles/{id}/handover/sheet")
	@PreAuthorize(HAND_OVER)
	ResponseEntity<byte[]> sheet(@PathVariable long id, @RequestParam(required = false) String point, Locale locale) {
		byte[] pdf = handovers.sheet(Actor.require().scope(), id, point, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("handover-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	private String form(long id, HandoverView line, Model model) {
		model.addAttribute("c", handovers.handable(Actor.require().scope(), id));
		model.addAttribute("line", line);
		model.addAttribute("outcomes", HandoverOutcome.values());
		return "programs/handover-line";
	}

}
