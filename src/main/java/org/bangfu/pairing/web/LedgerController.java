package org.bangfu.pairing.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bangfu.pairing.Assistance;
import org.bangfu.pairing.AssistanceCommands.AddAgreement;
import org.bangfu.pairing.AssistanceCommands.AddMeasure;
import org.bangfu.pairing.AssistanceCommands.ClauseData;
import org.bangfu.pairing.AssistanceCommands.ConfirmLedger;
import org.bangfu.pairing.AssistanceCommands.UpdateMeasure;
import org.bangfu.pairing.Ledgers;
import org.bangfu.pairing.PairingVocabulary.ClauseStatus;
import org.bangfu.pairing.PairingVocabulary.Indicator;
import org.bangfu.pairing.PairingVocabulary.MeasureStatus;
import org.bangfu.pairing.PairingVocabulary.MeasureType;
import org.bangfu.pairing.Visits;
import org.bangfu.platform.web.PageMessages;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.springframework.core.io.FileSystemResource;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The ledger page (一户一册) with its PDF, and the forms for measures, agreements and the head's confirmation. */
@Controller
class LedgerController {

	static final String READ = PairingPagesController.READ;

	static final String RECORD = VisitPagesController.RECORD;

	private final Ledgers ledgers;

	private final Assistance assistance;

	private final Visits visits;

	private final PageMessages messages;

	LedgerController(Ledgers ledgers, Assistance assistance, Visits visits, PageMessages messages) {
		this.ledgers = ledgers;
		this.assistance = assistance;
		this.visits = visits;
		this.messages = messages;
	}

	@GetMapping("/ledger/{id}")
	@PreAuthorize(READ)
	String ledger(@PathVariable long id, Model model) {
		Actor actor = Actor.require();
		model.addAttribute("l", ledgers.ledger(actor, id));
		model.addAttribute("mayRecord", visits.mayRecord(actor, id));
		model.addAttribute("indicators", Indicator.values());
		model.addAttribute("measureTypes", MeasureType.values());
		model.addAttribute("measureStatuses", MeasureStatus.values());
		model.addAttribute("clauseStatuses", ClauseStatus.values());
		model.addAttribute("today", visits.today());
		return "pairing/ledger";
	}

	@GetMapping("/ledger/{id}/pdf")
	@PreAuthorize(READ)
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		byte[] pdf = ledgers.pdf(Actor.require(), id, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("ledger-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	@PostMapping("/ledger/{id}/measures")
	@PreAuthorize(RECORD)
	String addMeasure(@PathVariable long id, @RequestParam(required = false) MeasureType type,
			@RequestParam(required = false) String beforeState, @RequestParam(required = false) String targetAfter,
			@RequestParam(required = false) String owner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			if (type == null) {
				throw BangfuException.badField("type", "measure.type.required");
			}
			assistance.addMeasure(Actor.require(), new AddMeasure(id, null, type, beforeState, targetAfter, owner, dueOn));
		});
	}

	@PostMapping("/ledger/{id}/measures/{measureId}")
	@PreAuthorize(RECORD)
	String updateMeasure(@PathVariable long id, @PathVariable long measureId, @RequestParam MeasureStatus status,
			@RequestParam(required = false) String result, RedirectAttributes redirect) {
		return act(id, redirect, () -> assistance.updateMeasure(Actor.require(), measureId, new UpdateMeasure(status, result)));
	}

	@PostMapping("/ledger/{id}/agreements")
	@PreAuthorize(RECORD)
	String addAgreement(@PathVariable long id, @RequestParam(required = false) String title,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			@RequestParam(name = "clauseText", required = false) List<String> texts,
			@RequestParam(name = "clauseOwner", required = false) List<String> owners,
			@RequestParam(name = "clauseDue", required = false) List<String> dues, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			if (title == null || title.isBlank()) {
				throw BangfuException.badField("title", "agreement.title.required");
			}
			List<ClauseData> clauses = new ArrayList<>();
			for (int i = 0; texts != null && i < texts.size(); i++) {
				String text = texts.get(i);
				if (text == null || text.isBlank()) {
					continue;
				}
				String owner = owners != null && i < owners.size() ? owners.get(i) : null;
				if (owner == null || owner.isBlank()) {
					throw BangfuException.badField("clauseOwner", "measure.owner.required");
				}
				String due = dues != null && i < dues.size() ? dues.get(i) : null;
				clauses.add(new ClauseData(text, owner, due == null || due.isBlank() ? null : LocalDate.parse(due)));
			}
			assistance.addAgreement(Actor.require(), new AddAgreement(id, title, periodFrom, periodTo, clauses));
		});
	}

	@PostMapping("/ledger/{id}/agreements/{agreementId}/sign")
	@PreAuthorize(RECORD)
	String sign(@PathVariable long id, @PathVariable long agreementId, @RequestParam(required = false) String headName,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> assistance.signOnScreen(Actor.require(), agreementId, headName));
	}

	@PostMapping("/ledger/{id}/agreements/{agreementId}/upload")
	@PreAuthorize(RECORD)
	String upload(@PathVariable long id, @PathVariable long agreementId, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			try {
				assistance.signByUpload(Actor.require(), agreementId, file == null ? null : file.getBytes());
			}
			catch (IOException ex) {
				throw BangfuException.badField("file", "agreement.file.required");
			}
		});
	}

	@GetMapping("/ledger/{id}/agreements/{agreementId}/file")
	@PreAuthorize(READ)
	ResponseEntity<FileSystemResource> signedFile(@PathVariable long id, @PathVariable long agreementId) {
		Visits.StoredFile f = assistance.signedFile(Actor.require(), agreementId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType())).body(new FileSystemResource(f.path()));
	}

	@PostMapping("/ledger/{id}/clauses/{clauseId}")
	@PreAuthorize(RECORD)
	String clause(@PathVariable long id, @PathVariable long clauseId, @RequestParam ClauseStatus status,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> assistance.setClauseStatus(Actor.require(), clauseId, status));
	}

	@PostMapping("/ledger/{id}/confirm")
	@PreAuthorize(RECORD)
	String confirm(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate periodTo,
			@RequestParam(required = false) String headName, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			if (periodFrom == null || periodTo == null) {
				throw BangfuException.badField("periodFrom", "ledger.period.required");
			}
			assistance.confirmLedger(Actor.require(), id, new ConfirmLedger(periodFrom, periodTo, headName, note));
		});
	}

	private String act(long householdId, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("message", messages.get("common.saved"));
		}
		catch (BangfuException ex) {
			if (ex.problem() != Problem.BAD_INPUT && ex.problem() != Problem.CONFLICT) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
		}
		return "redirect:/ledger/" + householdId;
	}

}
