package org.bangfu.programs.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.platform.web.PageMessages;
import org.bangfu.programs.BankBatchKind;
import org.bangfu.programs.BankBatchStatus;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankFileDownload;
import org.bangfu.programs.BankFiles;
import org.bangfu.programs.BankJobs;
import org.bangfu.programs.PaymentCorrection;
import org.bangfu.programs.PaymentLineStatus;
import org.bangfu.shared.Actor;
import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Problem;
import org.bangfu.shared.Scope;
import org.springframework.core.io.InputStreamResource;
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

/**
 * The finance officer's bank batches: the list (organisation subtree), a batch with its lines
 * (masked), the file to download (audited), the bank's answer to upload with a result page listing
 * every mismatch (imported by a job whose progress and result the page shows), and the follow-up
 * batch for corrected failures.
 */
@Controller
class BankBatchPagesController {

	static final String READ = "hasAnyRole('ADMIN','FINANCE_OFFICER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','FINANCE_OFFICER')";

	private static final int LINES_PER_PAGE = 50;

	private final BankFiles bank;

	private final BankJobs jobs;

	private final BankJobPanel panels;

	private final PageMessages messages;

	BankBatchPagesController(BankFiles bank, BankJobs jobs, BankJobPanel panels, PageMessages messages) {
		this.bank = bank;
		this.jobs = jobs;
		this.panels = panels;
		this.messages = messages;
	}

	@GetMapping("/bank/batches")
	@PreAuthorize(READ)
	String list(@RequestParam(required = false) BankBatchKind kind, @RequestParam(required = false) BankBatchStatus status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Model model) {
		model.addAttribute("result", bank.batches(Actor.require().scope(), kind, status, page, size));
		model.addAttribute("kind", kind);
		model.addAttribute("status", status);
		model.addAttribute("kinds", BankBatchKind.values());
		model.addAttribute("statuses", BankBatchStatus.values());
		return "programs/bank-batches";
	}

	@GetMapping("/bank/batches/{id}")
	@PreAuthorize(READ)
	String detail(@PathVariable long id, @RequestParam(required = false) PaymentLineStatus lineStatus,
			@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Long job, Model model) {
		Scope scope = Actor.require().scope();
		BankBatchView batch = bank.require(scope, id);
		if (job != null) {
			model.addAttribute("bankJob", panels.of(scope, job));
		}
		model.addAttribute("batch", batch);
		model.addAttribute("lines", bank.lines(scope, id, lineStatus, page, LINES_PER_PAGE));
		model.addAttribute("lineStatus", lineStatus);
		model.addAttribute("lineStatuses", PaymentLineStatus.values());
		model.addAttribute("page", Math.max(1, page));
		long shown = lineStatus == null ? batch.lineCount()
				: lineStatus == PaymentLineStatus.FAILED ? batch.failedCount() : batch.lineCount();
		model.addAttribute("pages", Math.max(1, (shown + LINES_PER_PAGE - 1) / LINES_PER_PAGE));
		boolean canFollowUp = batch.payment() && !batch.open() && batch.failedCount() > 0;
		model.addAttribute("canFollowUp", canFollowUp);
		model.addAttribute("failedLines", canFollowUp ? bank.lines(scope, id, PaymentLineStatus.FAILED, 1, 500) : List.of());
		return "programs/bank-batch";
	}

	@GetMapping("/bank/batches/{id}/file")
	@PreAuthorize(WRITE)
	ResponseEntity<InputStreamResource> file(@PathVariable long id) throws IOException {
		BankFileDownload file = bank.download(Actor.require().scope(), id);
		InputStream in = Files.newInputStream(file.file(), StandardOpenOption.DELETE_ON_CLOSE);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.body(new InputStreamResource(in));
	}

	/** Keeps the bank's answer and queues its import; the batch page shows the job's progress, then its result or the problems. */
	@PostMapping("/bank/batches/{id}/answer")
	@PreAuthorize(WRITE)
	String answer(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		Scope scope = Actor.require().scope();
		bank.require(scope, id);
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", messages.get("bank.file.empty"));
			return "redirect:/bank/batches/" + id;
		}
		try (InputStream in = file.getInputStream()) {
			long job = jobs.submitAnswer(scope, id, file.getOriginalFilename(), in);
			redirect.addFlashAttribute("message", messages.get("bank.answer.queued", job));
			return "redirect:/bank/batches/" + id + "?job=" + job;
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/bank/batches/" + id;
		}
	}

	/** A problem of a refused answer as the job's panel lists it. */
	record ProblemLine(long line, Integer seq, String message) {
	}

	/** Corrections from the form: {@code account_<reference>} (required) and {@code name_<reference>} (optional). */
	@PostMapping("/bank/batches/{id}/follow-up")
	@PreAuthorize(WRITE)
	String followUp(@PathVariable long id, @RequestParam Map<String, String> form,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fileDate,
			RedirectAttributes redirect) {
		List<PaymentCorrection> corrections = new ArrayList<>();
		form.forEach((key, value) -> {
			if (key.startsWith("account_") && value != null && !value.isBlank()) {
				long reference = Long.parseLong(key.substring("account_".length()));
				String name = form.get("name_" + reference);
				corrections.add(new PaymentCorrection(reference, value,
						name == null || name.isBlank() ? null : name, null, null));
			}
		});
		try {
			BankBatchView followUp = bank.reissue(Actor.require().scope(), id, fileDate, corrections);
			redirect.addFlashAttribute("message", messages.get("bank.followUp.done", followUp.batchNo()));
			return "redirect:/bank/batches/" + followUp.id();
		}
		catch (BangfuException ex) {
			if (ex.problem() == Problem.FORBIDDEN || ex.problem() == Problem.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("error", messages.of(ex));
			return "redirect:/bank/batches/" + id;
		}
	}

}
