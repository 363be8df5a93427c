package org.bangfu.programs.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.bangfu.programs.BankBatchKind;
import org.bangfu.programs.BankBatchPage;
import org.bangfu.programs.BankBatchRequest;
import org.bangfu.programs.BankBatchStatus;
import org.bangfu.programs.BankBatchView;
import org.bangfu.programs.BankFileDownload;
import org.bangfu.programs.BankFiles;
import org.bangfu.programs.BankJobs;
import org.bangfu.programs.BankLineView;
import org.bangfu.programs.BankPayer;
import org.bangfu.programs.BankReturnRefused;
import org.bangfu.programs.PaymentCorrection;
import org.bangfu.programs.PaymentFailure;
import org.bangfu.programs.PaymentLineStatus;
import org.bangfu.programs.PaymentOrder;
import org.bangfu.programs.PaymentOutcome;
import org.bangfu.shared.Actor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/bank-batches")
@Tag(name = "Bank batches", description = "Bank payment and account verification files (代发), return files (回盘) and follow-up batches")
class BankBatchRestController {

	static final String READ = "hasAnyRole('ADMIN','FINANCE_OFFICER','AUDITOR')";

	static final String WRITE = "hasAnyRole('ADMIN','FINANCE_OFFICER')";

	private final BankFiles bank;

	private final BankJobs jobs;

	private final MessageSource messages;

	BankBatchRestController(BankFiles bank, BankJobs jobs, MessageSource messages) {
		this.bank = bank;
		this.jobs = jobs;
		this.messages = messages;
	}

	/** A batch to issue: payer, layout, purpose (≤ 30 characters), file date (null: today), kind and its orders. */
	record IssueRequest(long organisationId, String payerName, String payerAccount, long layoutId, String purpose,
			LocalDate fileDate, BankBatchKind kind, List<PaymentOrder> orders) {
	}

	/** Corrected accounts of failed lines (one per reference) and the follow-up batch's file date (null: today). */
	record FollowUpRequest(LocalDate fileDate, List<PaymentCorrection> corrections) {
	}

	@GetMapping
	@PreAuthorize(READ)
	@Operation(summary = "Batches of the caller's organisations, newest first")
	BankBatchPage list(@RequestParam(required = false) BankBatchKind kind,
			@RequestParam(required = false) BankBatchStatus status, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size) {
		return bank.batches(Actor.require().scope(), kind, status, page, size);
	}

	@PostMapping
	@PreAuthorize(WRITE)
	@Operation(summary = "Issue a payment (or verification) batch from payment orders (201)",
			description = "Every order is checked before anything is stored: no field with the separator or a line break, "
					+ "amount above zero, purpose at most 30 characters, an account, a reference in no other open batch "
					+ "and never paid. The file is produced and checked to add up. A refusal (400) names the line.")
	ResponseEntity<BankBatchView> issue(@RequestBody IssueRequest r) {
		BankBatchRequest request = new BankBatchRequest(new BankPayer(r.organisationId(), r.payerName(), r.payerAccount()),
				r.layoutId(), r.purpose(), r.fileDate());
		List<PaymentOrder> orders = r.orders() == null ? List.of() : r.orders();
		BankBatchView batch = r.kind() == BankBatchKind.VERIFICATION
				? bank.issueVerification(Actor.require().scope(), request, orders.stream())
				: bank.issue(Actor.require().scope(), request, orders);
		return ResponseEntity.created(URI.create("/api/v1/bank-batches/" + batch.id())).body(batch);
	}

	@GetMapping("/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A batch with its totals and what the bank answered")
	BankBatchView one(@PathVariable long id) {
		return bank.require(Actor.require().scope(), id);
	}

	@GetMapping("/{id}/lines")
	@PreAuthorize(READ)
	@Operation(summary = "A page of the batch's lines (accounts and ID numbers masked)")
	List<BankLineView> lines(@PathVariable long id, @RequestParam(required = false) PaymentLineStatus status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "100") int size) {
		return bank.lines(Actor.require().scope(), id, status, page, size);
	}

	@GetMapping("/{id}/file")
	@PreAuthorize(WRITE)
	@Operation(summary = "The batch's file for the bank (audited: it holds full accounts and ID numbers)",
			description = "Regenerated from the stored lines and handed out only when it adds up and is the file checked at issue.")
	ResponseEntity<InputStreamResource> file(@PathVariable long id) throws IOException {
		BankFileDownload file = bank.download(Actor.require().scope(), id);
		InputStream in = Files.newInputStream(file.file(), StandardOpenOption.DELETE_ON_CLOSE);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.body(new InputStreamResource(in));
	}

	@PostMapping(path = "/{id}/answer", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITE)
	@Operation(summary = "Import the bank's return file (payment batch) or verification answer, as a job: 202 with the job's address in Location (GET /api/v1/bank-jobs/{id})",
			description = "The job refuses the file whole (status FAILED, the refusal and the list of problems, nothing recorded) "
					+ "when its batch number, counts or amounts do not match the sent file, or a line matches no sent line by 序号 "
					+ "or differs in name, account or amount. Otherwise the job's answer tells how many lines were paid and failed. "
					+ "Importing the same answer again changes nothing (changed = false); a job run again after a crash "
					+ "reconciles no line twice.")
	ResponseEntity<BankJobRestController.BankJobResource> answer(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream in = file.getInputStream()) {
			long job = jobs.submitAnswer(Actor.require().scope(), id, file.getOriginalFilename(), in);
			return BankJobRestController.accepted(jobs, job, messages);
		}
	}

	@GetMapping("/{id}/outcomes")
	@PreAuthorize(READ)
	@Operation(summary = "Each line's outcome by the caller's reference: SENT, PAID, VERIFIED or FAILED with the bank's reason")
	List<PaymentOutcome> outcomes(@PathVariable long id) {
		return bank.outcomes(Actor.require().scope(), id);
	}

	@GetMapping("/{id}/failures")
	@PreAuthorize(READ)
	@Operation(summary = "The failed lines (reference and the bank's reason), to send back for correction")
	List<PaymentFailure> failures(@PathVariable long id) {
		return bank.failures(Actor.require().scope(), id);
	}

	@PostMapping("/{id}/follow-up")
	@PreAuthorize(WRITE)
	@Operation(summary = "Re-issue corrected failed lines in a follow-up batch (201; 备注 补发:原批次号)")
	ResponseEntity<BankBatchView> followUp(@PathVariable long id, @RequestBody FollowUpRequest r) {
		BankBatchView batch = bank.reissue(Actor.require().scope(), id, r.fileDate(), r.corrections());
		return ResponseEntity.created(URI.create("/api/v1/bank-batches/" + batch.id())).body(batch);
	}

	/** A refused answer: 400 with every listed problem in the caller's language. */
	@ExceptionHandler(BankReturnRefused.class)
	ResponseEntity<ProblemDetail> refused(BankReturnRefused ex, HttpServletRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail pd = ProblemDetail.forStatus(400);
		pd.setTitle(messages.getMessage(ex.messageKey(), ex.args(), locale));
		pd.setDetail(pd.getTitle());
		pd.setInstance(URI.create(request.getRequestURI()));
		pd.setProperty("problems", ex.problems().stream()
			.map(p -> new ProblemLine(p.line(), p.seq(), messages.getMessage(p.key(), p.args().toArray(), p.key(), locale)))
			.toList());
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}

	/** A problem of a refused answer: the file's line (0: the whole file), the 序号 it names, the message. */
	record ProblemLine(long line, Integer seq, String message) {
	}

}
